using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderSync.Walmart.Wire;

namespace OrderSync.Walmart;

/// <summary>
/// Client-credentials tokens per seller: fetched once, reused until shortly before they expire, and
/// fetched by one caller at a time per seller however many calls are waiting.
/// </summary>
internal sealed class WalmartTokenCache(
    IHttpClientFactory httpClientFactory,
    IOptions<WalmartOptions> options,
    TimeProvider timeProvider,
    ILogger<WalmartTokenCache> logger)
{
    public const string HttpClientName = "OrderSync.Walmart.Token";

    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(900);

    private readonly ConcurrentDictionary<string, SellerTokenSlot> slots = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="rejectedToken">A token Walmart just answered 401 to: never handed out again.</param>
    public async Task<AccessTokenResult> GetTokenAsync(
        string storeCode, WalmartSellerOptions seller, string? rejectedToken, CancellationToken cancellationToken)
    {
        var slot = slots.GetOrAdd(storeCode, _ => new SellerTokenSlot());
        if (Usable(slot.Current, rejectedToken) is { } cached)
        {
            return AccessTokenResult.Issued(cached);
        }

        await slot.RefreshGate.WaitAsync(cancellationToken);
        try
        {
            if (Usable(slot.Current, rejectedToken) is { } refreshedMeanwhile)
            {
                return AccessTokenResult.Issued(refreshedMeanwhile);
            }

            var (token, failure) = await FetchAsync(storeCode, seller, cancellationToken);
            if (token is null)
            {
                return AccessTokenResult.Failed(failure!);
            }

            slot.Current = token;
            return AccessTokenResult.Issued(token.Value);
        }
        finally
        {
            slot.RefreshGate.Release();
        }
    }

    private string? Usable(CachedAccessToken? token, string? rejectedToken) =>
        token is not null && token.Value != rejectedToken && timeProvider.GetUtcNow() < token.RefreshAt ? token.Value : null;

    private async Task<(CachedAccessToken? Token, WalmartResponse<WalmartOrder>? Failure)> FetchAsync(
        string storeCode, WalmartSellerOptions seller, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var requestedAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        var correlationId = Guid.NewGuid().ToString();
        var context = new WalmartCallContext(storeCode, "access token request", null);

        using var request = new HttpRequestMessage(HttpMethod.Post, "v3/token");
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{seller.ClientId}:{seller.ClientSecret}")));
        request.Headers.Add(WalmartHeaders.CorrelationId, correlationId);
        request.Headers.Add(WalmartHeaders.ServiceName, settings.ServiceName);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "client_credentials")]);

        using var timeout = new CancellationTokenSource(settings.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        WalmartResponse<WalmartOrder> failure;
        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode && ReadToken(body) is { AccessToken: { Length: > 0 } accessToken } issued)
            {
                var lifetime = issued.ExpiresIn is > 0 ? TimeSpan.FromSeconds(issued.ExpiresIn.Value) : DefaultLifetime;
                var margin = settings.TokenRefreshMargin < lifetime / 2 ? settings.TokenRefreshMargin : lifetime / 2;
                WalmartClientLog.TokenIssued(logger, storeCode, lifetime.TotalSeconds, correlationId);
                return (new CachedAccessToken(accessToken, requestedAt + lifetime - margin), null);
            }

            failure = response.IsSuccessStatusCode
                ? new WalmartResponse<WalmartOrder>
                {
                    Outcome = WalmartOutcome.Transient,
                    HttpStatus = status,
                    Message = $"Walmart answered the access token request for store '{storeCode}' without a token.",
                }
                : Refusal(storeCode, status, response, body, context);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = WalmartAnswers.TimedOut(settings.RequestTimeout);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            failure = WalmartAnswers.Unreachable(exception);
        }

        failure = failure with { CorrelationId = correlationId, Duration = timeProvider.GetElapsedTime(started) };
        WalmartClientLog.TokenFailed(logger, storeCode, failure.Outcome, failure.HttpStatus, correlationId, failure.Message);
        return (null, failure);
    }

    private WalmartResponse<WalmartOrder> Refusal(
        string storeCode, int status, HttpResponseMessage response, string body, WalmartCallContext context)
    {
        var errors = WalmartErrorParser.Parse(body);
        var answer = WalmartAnswers.Failed(status, response.ReasonPhrase, errors, WalmartAnswers.ReadRetryAt(response.Headers, timeProvider.GetUtcNow()), context);
        return status is 400 or 401 or 403
            ? answer with
            {
                Message = $"Walmart refused the credentials of store '{storeCode}' (HTTP {status}); check {WalmartOptions.SectionName}:Sellers:{storeCode}:ClientId and ClientSecret.",
            }
            : answer;
    }

    private static TokenResponseDto? ReadToken(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, WalmartJsonContext.Default.TokenResponseDto);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
