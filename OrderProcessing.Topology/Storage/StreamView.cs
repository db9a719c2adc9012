namespace OrderProcessing.Topology.Storage;

/// <summary>What a table's change stream carries for each write.</summary>
public enum StreamView
{
    /// <summary>Both the item before and after the write (<c>NEW_AND_OLD_IMAGES</c>).</summary>
    NewAndOldImages,
}
