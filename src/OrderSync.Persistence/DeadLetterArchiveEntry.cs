namespace OrderSync.Persistence;

/// <summary>A dead letter as it is kept once purged: its headers as JSON and its body byte for byte.</summary>
public sealed record DeadLetterArchiveEntry
{
    public string? MessageId { get; init; }
    public required string Queue { get; init; }
    public string? Reason { get; init; }
    public required string HeadersJson { get; init; }
    public required byte[] Body { get; init; }
    public string? ContentType { get; init; }
    public string? ArchivedBy { get; init; }
}
