namespace OrderSync.Persistence;

public sealed record OperationRow(string Status, int Attempts, string? PlannedLines, string? Result)
{
    public bool IsSucceeded => Status == "succeeded";
}
