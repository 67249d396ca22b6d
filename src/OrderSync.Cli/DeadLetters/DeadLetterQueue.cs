namespace OrderSync.Cli.DeadLetters;

public sealed record DeadLetterQueue(string Name, uint MessageCount);
