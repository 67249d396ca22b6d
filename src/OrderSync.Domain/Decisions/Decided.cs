namespace OrderSync.Domain.Decisions;

/// <summary>The outcome of one message: whether the state changed, and what to do once it is saved.</summary>
public sealed record Decided(bool StateChanged, IReadOnlyList<Decision> Decisions)
{
    public static Decided Nothing(Decision? note = null) => new(false, note is null ? [] : [note]);

    public Refusal? Refusal => Decisions.OfType<Refusal>().FirstOrDefault();
}
