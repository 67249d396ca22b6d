namespace OrderSync.Walmart;

/// <summary>Whose turn a call takes from its seller's budget.</summary>
public enum WalmartCallPriority
{
    /// <summary>Shipments, cancellations and their reads: wait in line for the next token.</summary>
    Operation,

    /// <summary>Reconciling: only a token the budget can spare (no operation waiting, half the bucket left), else it waits or gives up.</summary>
    Spare,
}
