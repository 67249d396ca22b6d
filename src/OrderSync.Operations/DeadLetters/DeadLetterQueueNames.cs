namespace OrderSync.Operations.DeadLetters;

/// <summary>MassTransit's dead-letter queues: <c>{queue}_error</c> for faults, <c>{queue}_skipped</c> for messages no consumer took.</summary>
public static class DeadLetterQueueNames
{
    public const string ErrorSuffix = "_error";
    public const string SkippedSuffix = "_skipped";

    public static bool IsSkipped(string queue) => queue.EndsWith(SkippedSuffix, StringComparison.Ordinal);

    /// <summary>The queue a dead-letter queue collects from: its name without the suffix.</summary>
    public static string SourceQueue(string deadLetterQueue) =>
        deadLetterQueue.EndsWith(ErrorSuffix, StringComparison.Ordinal) ? deadLetterQueue[..^ErrorSuffix.Length]
        : deadLetterQueue.EndsWith(SkippedSuffix, StringComparison.Ordinal) ? deadLetterQueue[..^SkippedSuffix.Length]
        : deadLetterQueue;
}
