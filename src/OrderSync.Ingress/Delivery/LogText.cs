namespace OrderSync.Ingress.Delivery;

/// <summary>A value from the internet as it may appear in a log line: control characters escaped, and cut short.</summary>
public static class LogText
{
    public static string Shown(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var cut = value.Length > 64 ? value[..64] + "..." : value;
        return string.Concat(cut.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}
