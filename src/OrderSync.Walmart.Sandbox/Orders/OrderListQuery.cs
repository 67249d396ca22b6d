using System.Globalization;
using OrderSync.Walmart.Sandbox.Gateway;

namespace OrderSync.Walmart.Sandbox.Orders;

/// <summary>
/// The filters and paging of Walmart's GET /v3/orders, as its OpenAPI document gives them. A next page is asked with the
/// answer's nextCursor, a query string that repeats the filters and says where the page starts.
/// </summary>
public sealed record OrderListQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 200;

    private static readonly string[] DateFilters =
    [
        "createdStartDate", "createdEndDate", "lastModifiedStartDate", "lastModifiedEndDate", "fromExpectedShipDate", "toExpectedShipDate",
    ];

    public string? Sku { get; init; }

    public string? CustomerOrderId { get; init; }

    public string? PurchaseOrderId { get; init; }

    public string? Status { get; init; }

    public IReadOnlyDictionary<string, DateTimeOffset> Dates { get; init; } = new Dictionary<string, DateTimeOffset>();

    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Where the page starts among the orders that match, in purchase order id order.</summary>
    public int Start { get; init; }

    public static (OrderListQuery? Query, List<SandboxError> Errors) Read(IQueryCollection query, DateTimeOffset now)
    {
        var errors = new List<SandboxError>();
        var dates = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var name in DateFilters)
        {
            if (query[name].FirstOrDefault() is not { Length: > 0 } text)
            {
                continue;
            }

            if (ParseDate(text) is { } date)
            {
                dates[name] = date;
            }
            else
            {
                errors.Add(SandboxError.InvalidContent(name, $"{name} '{text}' is not a date in UTC or ISO 8601 format"));
            }
        }

        // Walmart's default window: orders created in the last 7 days.
        dates.TryAdd("createdStartDate", now.AddDays(-7));

        var limit = DefaultLimit;
        if (query["limit"].FirstOrDefault() is { Length: > 0 } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors.Add(SandboxError.InvalidContent("limit", $"limit '{limitText}' must be a whole number from 1 to {MaxLimit}"));
        }

        var start = 0;
        if (query["poIndex"].FirstOrDefault() is { Length: > 0 } startText
            && (!int.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start < 0))
        {
            errors.Add(SandboxError.InvalidContent("nextCursor", $"the cursor's poIndex '{startText}' is not valid"));
        }

        var status = query["status"].FirstOrDefault();
        if (status is { Length: > 0 } && !LineStatuses.All.Contains(status, StringComparer.Ordinal))
        {
            errors.Add(SandboxError.InvalidContent("status", $"status '{status}' is not one of Created, Acknowledged, Shipped, Delivered, Cancelled"));
        }

        return errors.Count > 0 ? (null, errors) : (new OrderListQuery
        {
            Sku = Text(query, "sku"),
            CustomerOrderId = Text(query, "customerOrderId"),
            PurchaseOrderId = Text(query, "purchaseOrderId"),
            Status = Text(query, "status"),
            Dates = dates,
            Limit = limit,
            Start = start,
        }, errors);
    }

    public bool Matches(SandboxOrder order) =>
        (PurchaseOrderId is null || order.PurchaseOrderId == PurchaseOrderId)
        && (CustomerOrderId is null || order.CustomerOrderId == CustomerOrderId)
        && (Sku is null || order.Lines.Any(line => line.Sku == Sku))
        && (Status is null || order.Lines.Any(line => line.QuantityIn(Status) > 0))
        && Within(order.OrderDate, "createdStartDate", "createdEndDate")
        && Within(order.LastModified, "lastModifiedStartDate", "lastModifiedEndDate")
        && Within(order.ShipBy, "fromExpectedShipDate", "toExpectedShipDate");

    /// <summary>The query string that asks for the page after this one, as Walmart's meta.nextCursor gives it.</summary>
    public string NextCursor(int nextStart)
    {
        var parts = new List<string> { $"limit={Limit}", "hasMoreElements=true", $"poIndex={nextStart}" };
        Add(parts, "sku", Sku);
        Add(parts, "customerOrderId", CustomerOrderId);
        Add(parts, "purchaseOrderId", PurchaseOrderId);
        Add(parts, "status", Status);
        foreach (var (name, date) in Dates)
        {
            Add(parts, name, date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }

        return "?" + string.Join('&', parts);
    }

    private bool Within(DateTimeOffset time, string from, string to) =>
        (!Dates.TryGetValue(from, out var start) || time >= start) && (!Dates.TryGetValue(to, out var end) || time <= end);

    private static void Add(List<string> parts, string name, string? value)
    {
        if (value is not null)
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }

    private static string? Text(IQueryCollection query, string name) => query[name].FirstOrDefault() is { Length: > 0 } text ? text : null;

    private static DateTimeOffset? ParseDate(string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;
    }
}
