namespace OrderSync.Domain.Decisions;

/// <summary>Logged: a message already applied came again and changed nothing.</summary>
public sealed record CopyIgnored(string What) : Decision;
