using System.Globalization;
using OrderSync.Cli.Infrastructure;
using OrderSync.Persistence;

namespace OrderSync.Cli.Orders;

/// <summary>What <c>orders show</c> says of an order with work left whose Walmart ship-by date is near or past.</summary>
public static class ShipByNotice
{
    public const string AutoCancelSetting = "Walmart__AutoCancelAfterShipBy";

    /// <returns>Null while ship-by is more than a day away, or when nothing is left for Walmart to cancel.</returns>
    public static string? For(DateTimeOffset shipBy, bool hasOpenWork, DateTimeOffset now, TimeSpan autoCancelAfter)
    {
        if (!hasOpenWork)
        {
            return null;
        }

        return ShipByDeadline.Standing(shipBy, now) switch
        {
            ShipByStanding.DueWithin24Hours => $"Ship by {shipBy.ToUniversalTime().ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture)}: {InWords(shipBy - now)} left",
            ShipByStanding.Overdue =>
                $"Ship-by passed {InWords(now - shipBy)} ago: Walmart cancels unshipped lines about {InWords(autoCancelAfter)} after it",
            _ => null,
        };
    }

    /// <summary>The worker's setting, read from the same environment variable, so that the wording matches its warnings.</summary>
    public static TimeSpan AutoCancelAfter()
    {
        var value = Environment.GetEnvironmentVariable(AutoCancelSetting);
        if (string.IsNullOrWhiteSpace(value))
        {
            return ShipByDeadline.DefaultAutoCancelAfter;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var delay) && delay > TimeSpan.Zero
            ? delay
            : throw new CliException($"{AutoCancelSetting} is not a positive duration such as 4.00:00:00: '{Tables.Shorten(value, 40)}'", ExitCodes.Usage);
    }

    /// <summary>Whole days from two days on, else whole hours, else minutes: a rough figure is what an operator needs.</summary>
    private static string InWords(TimeSpan span) => span switch
    {
        { TotalDays: >= 2 } => $"{(int)span.TotalDays} days",
        { TotalHours: >= 1 } => $"{(int)span.TotalHours} h",
        _ => $"{Math.Max(1, (int)span.TotalMinutes)} min",
    };
}
