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
/// fetched by one caller at a time per seller however many calls are waiting. A failed request is remembered and
/// holds back the next one for a while (<see cref="TokenRetryBackoff"/>).
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
        string storeCode, WalmartSellerOptions seller, string? rejectedToken, TokenAsker asker, CancellationToken cancellationToken)
    {
        var slot = slots.GetOrAdd(storeCode, _ => new SellerTokenSlot());
        if (Usable(slot.Current, rejectedToken) is { } cached)
        {
            return AccessTokenResult.Issued(cached);
        }

        var failureBefore = slot.LastFailure;
        if (HoldsBack(failureBefore, asker))
        {
            return AccessTokenResult.Failed(failureBefore!);
        }

        await slot.RefreshGate.WaitAsync(cancellationToken);
        try
        {
            if (rejectedToken is not null && slot.Current?.Value == rejectedToken)
            {
                slot.Current = null;
            }

            if (Usable(slot.Current, rejectedToken) is { } refreshedMeanwhile)
            {
                return AccessTokenResult.Issued(refreshedMeanwhile);
            }

            // A request that failed while this caller waited answers it too, as does one that still holds back.
            if (slot.LastFailure is { } failure && (!ReferenceEquals(failure, failureBefore) || HoldsBack(failure, asker)))
            {
                return AccessTokenResult.Failed(failure);
            }

            var (token, answer, problem) = await FetchAsync(storeCode, seller, cancellationToken);
            if (token is null)
            {
                slot.LastFailure = Remember(answer!, problem!.Value, slot.LastFailure);
                return AccessTokenResult.Failed(slot.LastFailure);
            }

            slot.Current = token;
            slot.LastFailure = null;
            return AccessTokenResult.Issued(token.Value);
        }
        finally
        {
            slot.RefreshGate.Release();
        }
    }

    /// <summary>
    /// Until its retry time a failed request answers in Walmart's place: always to readiness, so that probing cannot drive
    /// token requests; to calls only after a permanent refusal, such as refused credentials, which come from configuration
    /// and do not mend within seconds. Calls after a transient failure ask again, paced by their operation's retries.
    /// </summary>
    private bool HoldsBack(TokenFailure? failure, TokenAsker asker) =>
        failure is not null
        && timeProvider.GetUtcNow() < failure.RetryAt
        && (asker == TokenAsker.Readiness || failure.Answer.Outcome == WalmartOutcome.Permanent);

    private TokenFailure Remember(WalmartResponse<WalmartOrder> answer, TokenProblem problem, TokenFailure? previous)
    {
        var now = timeProvider.GetUtcNow();

        // A call that failed again within the wait (after a transient failure) starts the same wait over, no longer one.
        var failuresInARow = previous is null ? 1 : now < previous.RetryAt ? previous.FailuresInARow : previous.FailuresInARow + 1;
        return new TokenFailure(answer, problem, failuresInARow, now + TokenRetryBackoff.After(failuresInARow));
    }

    private string? Usable(CachedAccessToken? token, string? rejectedToken) =>
        token is not null && token.Value != rejectedToken && timeProvider.GetUtcNow() < token.RefreshAt ? token.Value : null;

    private async Task<(CachedAccessToken? Token, WalmartResponse<WalmartOrder>? Failure, TokenProblem? Problem)> FetchAsync(
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
        TokenProblem problem;
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
                return (new CachedAccessToken(accessToken, requestedAt + lifetime - margin), null, null);
            }

            problem = ProblemOf(status);
            failure = response.IsSuccessStatusCode
                ? new WalmartResponse<WalmartOrder>
                {
                    Outcome = WalmartOutcome.Transient,
                    HttpStatus = status,
                    Message = $"Walmart answered the access token request for store '{storeCode}' without a token.",
                }
                : Refusal(storeCode, status, problem, response, body, context);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = WalmartAnswers.TimedOut(settings.RequestTimeout);
            problem = TokenProblem.TimedOut;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            failure = WalmartAnswers.Unreachable(exception);
            problem = TokenProblem.Unreachable;
        }

        failure = failure with { CorrelationId = correlationId, Duration = timeProvider.GetElapsedTime(started) };
        WalmartClientLog.TokenFailed(logger, storeCode, failure.Outcome, failure.HttpStatus, correlationId, failure.Message);
        return (null, failure, problem);
    }

    private static TokenProblem ProblemOf(int status) => status switch
    {
        >= 200 and < 300 => TokenProblem.AnsweredWithoutToken,
        400 or 401 or 403 => TokenProblem.CredentialsRefused,
        429 => TokenProblem.Throttled,
        _ => WalmartAnswers.Classify(status) == WalmartOutcome.Transient ? TokenProblem.ServiceFailing : TokenProblem.RequestRefused,
    };

    private WalmartResponse<WalmartOrder> Refusal(
        string storeCode, int status, TokenProblem problem, HttpResponseMessage response, string body, WalmartCallContext context)
    {
        var errors = WalmartErrorParser.Parse(body);
        var answer = WalmartAnswers.Failed(status, response.ReasonPhrase, errors, WalmartAnswers.ReadRetryAt(response.Headers, timeProvider.GetUtcNow()), context);
        return problem == TokenProblem.CredentialsRefused
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
