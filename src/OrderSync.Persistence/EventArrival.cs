namespace OrderSync.Persistence;

/// <summary>Where an event stands among its order's events as the intake read them: 1 for the first.</summary>
public sealed record EventArrival
{
    public int Sequence { get; init; }
    public DateTimeOffset ArrivedAt { get; init; }
}
