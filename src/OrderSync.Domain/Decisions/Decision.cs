namespace OrderSync.Domain.Decisions;

/// <summary>Something the rules decided for one message, beyond the new state: a message to send once the state is saved, or a fact to log.</summary>
public abstract record Decision;
