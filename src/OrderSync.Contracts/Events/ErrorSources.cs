namespace OrderSync.Contracts.Events;

/// <summary>Who must act on a failure: contract section 2.3.</summary>
public static class ErrorSources
{
    public const string Commerce = "commerce";
    public const string Walmart = "walmart";
    public const string Integration = "integration";
}
