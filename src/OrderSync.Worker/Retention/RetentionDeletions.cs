namespace OrderSync.Worker.Retention;

/// <summary>What one retention pass deleted, by table.</summary>
public sealed class RetentionDeletions
{
    private readonly Dictionary<string, long> _byTable = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> ByTable => _byTable;

    public long Total => _byTable.Values.Sum();

    public override string ToString() => string.Join(", ", _byTable.Select(entry => $"{entry.Key} {entry.Value}"));

    internal void Add(string table, long rows)
    {
        if (rows > 0)
        {
            _byTable[table] = _byTable.GetValueOrDefault(table) + rows;
        }
    }
}
