namespace OrderSync.Walmart;

public enum WalmartOutcome
{
    Success,
    Permanent,
    Transient,
    Throttled,
}
