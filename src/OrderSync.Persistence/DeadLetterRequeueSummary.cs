namespace OrderSync.Persistence;

public sealed record DeadLetterRequeueSummary(string DeadLetterQueue, int Requeued, int Resolved);
