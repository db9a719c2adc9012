namespace OrderProcessing.Transport.ChangeFeed;

/// <summary>What a write did to an order, named as DynamoDB Streams names it.</summary>
public enum OrderChangeKind
{
    /// <summary>A new order was stored (<c>INSERT</c>).</summary>
    Insert,

    /// <summary>A stored order was rewritten (<c>MODIFY</c>): normally a transition to a new status; a same-status write is one too, and the pipe forwards only transitions.</summary>
    Modify,

    /// <summary>A terminal order was deleted (<c>REMOVE</c>).</summary>
    Remove,
}
