using System.Globalization;

namespace OrderSync.Walmart;

/// <summary>The filters of GET /v3/orders the worker uses; Walmart counts dates in UTC.</summary>
public sealed record WalmartOrderQuery
{
    /// <summary>Walmart returns orders created in the last 7 days unless told otherwise, and none older than 180 days.</summary>
    public DateTimeOffset? CreatedStartDate { get; init; }

    public DateTimeOffset? LastModifiedStartDate { get; init; }

    public DateTimeOffset? LastModifiedEndDate { get; init; }

    public string? PurchaseOrderId { get; init; }

    /// <summary>Orders with at least one line in this status: Created, Acknowledged, Shipped, Delivered or Cancelled.</summary>
    public string? Status { get; init; }

    /// <summary>Orders a page, at most 200.</summary>
    public int Limit { get; init; } = 200;

    public string ToQueryString()
    {
        var parts = new List<string> { $"limit={Limit.ToString(CultureInfo.InvariantCulture)}" };
        Add(parts, "createdStartDate", CreatedStartDate);
        Add(parts, "lastModifiedStartDate", LastModifiedStartDate);
        Add(parts, "lastModifiedEndDate", LastModifiedEndDate);
        if (PurchaseOrderId is not null)
        {
            parts.Add($"purchaseOrderId={Uri.EscapeDataString(PurchaseOrderId)}");
        }

        if (Status is not null)
        {
            parts.Add($"status={Uri.EscapeDataString(Status)}");
        }

        return "?" + string.Join('&', parts);
    }

    private static void Add(List<string> parts, string name, DateTimeOffset? date)
    {
        if (date is { } value)
        {
            parts.Add($"{name}={Uri.EscapeDataString(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))}");
        }
    }
}
