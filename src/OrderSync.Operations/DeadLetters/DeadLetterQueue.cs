namespace OrderSync.Operations.DeadLetters;

public sealed record DeadLetterQueue(string Name, uint MessageCount);
