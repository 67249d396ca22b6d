namespace OrderSync.Domain.Decisions;

/// <summary>The message cannot be applied nor dropped as a copy: nothing is saved, and it goes to a dead letter with this reason.</summary>
public sealed record Refusal(string Reason) : Decision;
