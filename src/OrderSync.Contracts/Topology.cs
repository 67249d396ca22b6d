namespace OrderSync.Contracts;

/// <summary>Broker names fixed by the interface contract.</summary>
public static class Topology
{
    public const string CommerceEventsExchange = "commerce.order-events";
    public const string SyncResultsExchange = "channel-manager.sync-results";

    public const string ShipmentSavedType = "com.adobe.commerce.observer.sales_order_shipment_save_after";
    public const string TrackSavedType = "com.adobe.commerce.observer.sales_order_shipment_track_save_after";
    public const string OrderSavedType = "com.adobe.commerce.observer.sales_order_save_after";

    private const string SaveAfterSuffix = "_save_after";
    private const string CommitAfterSuffix = "_save_commit_after";

    private static readonly string[] SaveAfterTypes = [ShipmentSavedType, TrackSavedType, OrderSavedType];

    /// <summary>The types the worker binds and handles: each in its <c>_save_after</c> and its <c>_commit_after</c> form.</summary>
    public static readonly IReadOnlyList<string> CommerceEventTypes = [.. SaveAfterTypes, .. SaveAfterTypes.Select(CommitAfterForm)];

    /// <summary>The <c>_commit_after</c> form of a <c>_save_after</c> type: the same change, observed after the database commit.</summary>
    public static string CommitAfterForm(string saveAfterType) =>
        saveAfterType.EndsWith(SaveAfterSuffix, StringComparison.Ordinal)
            ? string.Concat(saveAfterType.AsSpan(0, saveAfterType.Length - SaveAfterSuffix.Length), CommitAfterSuffix)
            : throw new ArgumentException($"'{saveAfterType}' is not a _save_after type.", nameof(saveAfterType));

    /// <summary>The <c>_save_after</c> type a type means: itself, or the twin of a <c>_commit_after</c> form. Both forms mean the same change.</summary>
    public static string SaveAfterForm(string type) =>
        type.EndsWith(CommitAfterSuffix, StringComparison.Ordinal)
            ? string.Concat(type.AsSpan(0, type.Length - CommitAfterSuffix.Length), SaveAfterSuffix)
            : type;
}
