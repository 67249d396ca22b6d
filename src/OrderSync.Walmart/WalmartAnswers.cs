using System.Globalization;
using System.Net.Http.Headers;

namespace OrderSync.Walmart;

/// <summary>How an answer, or the lack of one, is classified, and the sentence a merchant reads about it.</summary>
internal static class WalmartAnswers
{
    public static WalmartOutcome Classify(int httpStatus) => httpStatus switch
    {
        >= 200 and < 300 => WalmartOutcome.Success,
        429 => WalmartOutcome.Throttled,
        408 or 423 or >= 500 => WalmartOutcome.Transient,
        _ => WalmartOutcome.Permanent,
    };

    public static WalmartResponse<WalmartOrder> Refused(IReadOnlyList<WalmartError> errors) => new()
    {
        Outcome = WalmartOutcome.Permanent,
        Errors = errors,
        Message = Sentence(string.Join("; ", errors.Select(e => e.Description ?? e.Code))),
    };

    public static WalmartResponse<WalmartOrder> NoCredentials(string storeCode) => new()
    {
        Outcome = WalmartOutcome.Permanent,
        Message = $"No Walmart credentials are configured for store '{storeCode}'.",
    };

    public static WalmartResponse<WalmartOrder> TimedOut(TimeSpan timeout) => new()
    {
        Outcome = WalmartOutcome.Transient,
        Message = $"Walmart did not answer within {Format(timeout)}.",
    };

    public static WalmartResponse<WalmartOrder> Unreachable(Exception exception) => new()
    {
        Outcome = WalmartOutcome.Transient,
        Message = Sentence($"Walmart could not be reached: {exception.Message}"),
    };

    public static WalmartResponse<WalmartOrder> HeldBackLocally(string storeCode, DateTimeOffset retryAt) => new()
    {
        Outcome = WalmartOutcome.Throttled,
        RetryAt = retryAt,
        Message = $"Calls to Walmart for store '{storeCode}' are held back to stay within Walmart's rate limit; retry at {Format(retryAt)}.",
    };

    public static WalmartResponse<WalmartOrder> Failed(
        int httpStatus, string? reasonPhrase, IReadOnlyList<WalmartError> errors, DateTimeOffset? retryAt, WalmartCallContext context)
    {
        var failedAction = context.Action;
        var outcome = Classify(httpStatus);
        var detail = string.Join("; ", errors.Select(e => e.Description ?? e.Code).Where(d => !string.IsNullOrWhiteSpace(d)));
        var message = outcome switch
        {
            WalmartOutcome.Throttled when retryAt is not null => $"Walmart is throttling calls for store '{context.StoreCode}'; it accepts them again at {Format(retryAt.Value)}.",
            WalmartOutcome.Throttled => $"Walmart is throttling calls for store '{context.StoreCode}' (HTTP 429).",
            WalmartOutcome.Transient when detail.Length > 0 => Sentence($"Walmart could not complete the {failedAction} right now (HTTP {httpStatus}): {detail}"),
            WalmartOutcome.Transient => $"Walmart could not complete the {failedAction} right now (HTTP {httpStatus}).",
            _ when detail.Length > 0 => Sentence($"Walmart refused the {failedAction}: {detail}"),
            _ when httpStatus == 404 && context.PurchaseOrderId is not null =>
                $"Walmart refused the {failedAction}: purchase order {context.PurchaseOrderId} was not found for store '{context.StoreCode}'.",
            _ => Sentence($"Walmart refused the {failedAction} (HTTP {httpStatus} {reasonPhrase})".Replace(" )", ")", StringComparison.Ordinal)),
        };

        return new WalmartResponse<WalmartOrder>
        {
            Outcome = outcome,
            HttpStatus = httpStatus,
            Errors = errors,
            RetryAt = outcome == WalmartOutcome.Throttled ? retryAt : null,
            Message = message,
        };
    }

    /// <summary>
    /// Walmart's x-next-replenish-time (some gateways: x-next-replenishment-time), epoch milliseconds;
    /// falls back on a standard Retry-After.
    /// </summary>
    public static DateTimeOffset? ReadRetryAt(HttpResponseHeaders headers, DateTimeOffset now) =>
        ReadReplenishTime(headers) ?? headers.RetryAfter switch
        {
            { Delta: { } delta } => now + delta,
            { Date: { } date } => date,
            _ => null,
        };

    /// <summary>x-next-replenish-time or x-next-replenishment-time, epoch milliseconds (seconds also understood).</summary>
    public static DateTimeOffset? ReadReplenishTime(HttpResponseHeaders headers)
    {
        foreach (var name in new[] { WalmartHeaders.NextReplenishTime, WalmartHeaders.NextReplenishmentTime })
        {
            if (headers.TryGetValues(name, out var values)
                && long.TryParse(values.FirstOrDefault()?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
                && epoch > 0)
            {
                // A value this small cannot be milliseconds of this century: read it as seconds.
                return epoch < 100_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(epoch) : DateTimeOffset.FromUnixTimeMilliseconds(epoch);
            }
        }

        return null;
    }

    /// <summary>x-current-token-count: the calls Walmart's bucket still holds after this one.</summary>
    public static int? ReadTokenCount(HttpResponseHeaders headers) =>
        headers.TryGetValues(WalmartHeaders.CurrentTokenCount, out var values)
        && int.TryParse(values.FirstOrDefault()?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
        && count >= 0
            ? count
            : null;

    public static string Format(TimeSpan duration) => duration switch
    {
        _ when duration < TimeSpan.FromSeconds(1) => $"{duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms",
        _ when duration.TotalSeconds % 1 == 0 => $"{duration.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s",
        _ => $"{duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s",
    };

    private static string Format(DateTimeOffset moment) =>
        moment.ToUniversalTime().ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Sentence(string text)
    {
        var trimmed = text.Trim().TrimEnd('.');
        return trimmed + ".";
    }
}
