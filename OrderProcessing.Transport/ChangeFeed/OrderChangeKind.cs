namespace OrderProcessing.Transport.ChangeFeed;

/// <summary>What a write did to an order, named as DynamoDB Streams names it.</summary>
public enum OrderChangeKind
{
    /// <summary>A new order was stored (<c>INSERT</c>).</summary>
    Insert,

    /// <summary>A stored order moved to a new status (<c>MODIFY</c>).</summary>
    Modify,

    /// <summary>A terminal order was deleted (<c>REMOVE</c>).</summary>
    Remove,
}
