using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderSync.Cli.Infrastructure;

/// <summary>Durations as operators type them: <c>45s</c>, <c>30m</c>, <c>2h</c>, <c>7d</c>, <c>1w</c>, or combined as <c>1h30m</c>.</summary>
public static partial class Duration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || !Pattern().IsMatch(text.Trim()))
        {
            return false;
        }

        foreach (Match part in Part().Matches(text.Trim().ToLowerInvariant()))
        {
            if (!long.TryParse(part.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > 100_000)
            {
                return false;
            }

            duration += part.Groups[2].Value switch
            {
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                "d" => TimeSpan.FromDays(amount),
                _ => TimeSpan.FromDays(7 * amount),
            };
        }

        return duration > TimeSpan.Zero;
    }

    public static TimeSpan Parse(string text, string option) =>
        TryParse(text, out var duration)
            ? duration
            : throw new CliException($"{option} takes a duration such as 30m, 2h or 7d, not '{text}'", ExitCodes.Usage);

    public static string Format(TimeSpan duration) => duration switch
    {
        { TotalDays: >= 1 } when duration.Ticks % TimeSpan.TicksPerDay == 0 => $"{duration.TotalDays:0}d",
        { TotalHours: >= 1 } when duration.Ticks % TimeSpan.TicksPerHour == 0 => $"{duration.TotalHours:0}h",
        { TotalMinutes: >= 1 } when duration.Ticks % TimeSpan.TicksPerMinute == 0 => $"{duration.TotalMinutes:0}m",
        _ => $"{duration.TotalSeconds:0}s",
    };

    [GeneratedRegex(@"^(\d+[smhdwSMHDW])+$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"(\d+)([smhdw])")]
    private static partial Regex Part();
}
