namespace OrderSync.Contracts.Events;

/// <summary>Who must act on a failure: docs/interface.md section 2.4.</summary>
public static class ErrorSources
{
    public const string Commerce = "commerce";
    public const string Walmart = "walmart";
    public const string Integration = "integration";
}
