using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderSync.Walmart.Budget;
using OrderSync.Walmart.Wire;

namespace OrderSync.Walmart;

internal sealed class WalmartOrdersClient(
    HttpClient httpClient,
    WalmartTokenCache tokens,
    WalmartBudgets budgets,
    WalmartCarrierMapper carriers,
    IOptions<WalmartOptions> options,
    TimeProvider timeProvider,
    ILogger<WalmartOrdersClient> logger) : IWalmartOrdersClient
{
    private const string JsonMediaType = "application/json";

    public Task<WalmartResponse<WalmartOrder>> GetOrderAsync(
        string storeCode, string purchaseOrderId, CancellationToken cancellationToken = default) =>
        CallAsync(WalmartOperation.GetOrder, storeCode, purchaseOrderId, body: null, cancellationToken);

    public Task<WalmartResponse<WalmartOrder>> ShipLinesAsync(
        string storeCode, string purchaseOrderId, IReadOnlyList<ShipLineRequest> lines, CancellationToken cancellationToken = default)
    {
        var errors = WalmartRequestChecks.CheckShipment(lines, carriers);
        return errors.Count > 0
            ? Task.FromResult(RefuseBeforeCalling(WalmartOperation.Ship, storeCode, purchaseOrderId, errors))
            : CallAsync(WalmartOperation.Ship, storeCode, purchaseOrderId, WalmartRequestBodies.Shipment(lines, carriers, isTrackingUpdate: false), cancellationToken);
    }

    public async Task<WalmartResponse<WalmartOrder>> UpdateTrackingAsync(
        string storeCode, string purchaseOrderId, IReadOnlyList<ShipLineRequest> lines, CancellationToken cancellationToken = default)
    {
        var errors = WalmartRequestChecks.CheckShipment(lines, carriers);
        if (errors.Count > 0)
        {
            return RefuseBeforeCalling(WalmartOperation.UpdateTracking, storeCode, purchaseOrderId, errors);
        }

        if (lines.Any(line => string.IsNullOrWhiteSpace(line.CurrentTrackingNumber)))
        {
            // Walmart identifies the tracking to replace by the number it holds now.
            var current = await GetOrderAsync(storeCode, purchaseOrderId, cancellationToken);
            if (!current.IsSuccess || current.Value is null)
            {
                return current;
            }

            var numbersByLine = current.Value.Lines.ToDictionary(line => line.LineNumber, line => line.TrackingNumber, StringComparer.Ordinal);
            lines = lines.Select(line => string.IsNullOrWhiteSpace(line.CurrentTrackingNumber)
                ? line with { CurrentTrackingNumber = numbersByLine.GetValueOrDefault(line.LineNumber) }
                : line).ToList();
        }

        return await CallAsync(WalmartOperation.UpdateTracking, storeCode, purchaseOrderId,
            WalmartRequestBodies.Shipment(lines, carriers, isTrackingUpdate: true), cancellationToken);
    }

    public Task<WalmartResponse<WalmartOrder>> CancelLinesAsync(
        string storeCode, string purchaseOrderId, IReadOnlyList<CancelLineRequest> lines, CancellationToken cancellationToken = default)
    {
        var errors = WalmartRequestChecks.CheckCancellation(lines);
        return errors.Count > 0
            ? Task.FromResult(RefuseBeforeCalling(WalmartOperation.Cancel, storeCode, purchaseOrderId, errors))
            : CallAsync(WalmartOperation.Cancel, storeCode, purchaseOrderId, WalmartRequestBodies.Cancellation(lines), cancellationToken);
    }

    public Task<WalmartResponse<WalmartOrder>> AcknowledgeAsync(
        string storeCode, string purchaseOrderId, CancellationToken cancellationToken = default) =>
        CallAsync(WalmartOperation.Acknowledge, storeCode, purchaseOrderId, body: string.Empty, cancellationToken);

    private WalmartResponse<WalmartOrder> RefuseBeforeCalling(
        WalmartOperation operation, string storeCode, string purchaseOrderId, IReadOnlyList<WalmartError> errors)
    {
        var response = WalmartAnswers.Refused(errors);
        Log(operation, storeCode, purchaseOrderId, response);
        return response;
    }

    private async Task<WalmartResponse<WalmartOrder>> CallAsync(
        WalmartOperation operation, string storeCode, string purchaseOrderId, string? body, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var response = options.Value.Sellers.TryGetValue(storeCode, out var seller)
            ? await CallAsSellerAsync(operation, storeCode, seller, purchaseOrderId, body, cancellationToken)
            : WalmartAnswers.NoCredentials(storeCode);

        response = response with { Duration = timeProvider.GetElapsedTime(started) };
        Log(operation, storeCode, purchaseOrderId, response);
        return response;
    }

    // Walmart applies nothing it answers 429: the same call goes again when the budget allows, without a new read of the order.
    private const int ThrottledResends = 5;

    private async Task<WalmartResponse<WalmartOrder>> CallAsSellerAsync(
        WalmartOperation operation, string storeCode, WalmartSellerOptions seller, string purchaseOrderId, string? body,
        CancellationToken cancellationToken)
    {
        var context = new WalmartCallContext(storeCode, operation.Noun, purchaseOrderId);
        var giveUpAt = timeProvider.GetUtcNow() + options.Value.RateLimits.MaxWait;
        string? rejectedToken = null;
        for (var throttles = 0; ; throttles++)
        {
            var token = await tokens.GetTokenAsync(storeCode, seller, rejectedToken, TokenAsker.Call, cancellationToken);
            if (token.AccessToken is null)
            {
                return token.Failure!.Answer;
            }

            var (permit, retryAt) = await budgets.AcquireAsync(storeCode, operation.Endpoint, cancellationToken);
            if (permit is null)
            {
                return WalmartAnswers.HeldBackLocally(storeCode, retryAt);
            }

            WalmartResponse<WalmartOrder> response;
            using (permit)
            {
                response = await SendAsync(operation, purchaseOrderId, body, token.AccessToken, context, permit, cancellationToken);
            }

            if (response.HttpStatus == 429 && throttles < ThrottledResends && response.RetryAt is { } nextChance && nextChance <= giveUpAt)
            {
                continue;
            }

            if (response.HttpStatus != 401)
            {
                return response;
            }

            if (rejectedToken is not null)
            {
                return response with
                {
                    Message = $"Walmart refused the access token of store '{storeCode}' even after a refresh; check {WalmartOptions.SectionName}:Sellers:{storeCode}:ClientId and ClientSecret.",
                };
            }

            WalmartClientLog.TokenRejected(logger, storeCode, operation.Name, purchaseOrderId, response.CorrelationId);
            rejectedToken = token.AccessToken;
        }
    }

    private async Task<WalmartResponse<WalmartOrder>> SendAsync(
        WalmartOperation operation, string purchaseOrderId, string? body, string accessToken, WalmartCallContext context,
        BudgetPermit permit, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var correlationId = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(operation.Method, operation.RelativePath(purchaseOrderId));
        request.Headers.Add(WalmartHeaders.AccessToken, accessToken);
        request.Headers.Add(WalmartHeaders.CorrelationId, correlationId);
        request.Headers.Add(WalmartHeaders.ServiceName, settings.ServiceName);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(JsonMediaType));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, JsonMediaType);
        }

        using var timeout = new CancellationTokenSource(settings.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        WalmartResponse<WalmartOrder> response;
        try
        {
            using var answer = await httpClient.SendAsync(request, linked.Token);
            permit.Answered((int)answer.StatusCode, WalmartAnswers.ReadTokenCount(answer.Headers), WalmartAnswers.ReadReplenishTime(answer.Headers));
            var text = await answer.Content.ReadAsStringAsync(linked.Token);
            response = Interpret(operation, answer, text, context);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            response = WalmartAnswers.TimedOut(settings.RequestTimeout);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            response = WalmartAnswers.Unreachable(exception);
        }

        return response with { CorrelationId = correlationId };
    }

    private WalmartResponse<WalmartOrder> Interpret(
        WalmartOperation operation, HttpResponseMessage answer, string body, WalmartCallContext context)
    {
        var status = (int)answer.StatusCode;
        if (!answer.IsSuccessStatusCode)
        {
            // Walmart says when its bucket refills; a 429 that does not is retried after one refill of ours, not at once.
            var now = timeProvider.GetUtcNow();
            var retryAt = WalmartAnswers.ReadRetryAt(answer.Headers, now)
                ?? (answer.StatusCode == HttpStatusCode.TooManyRequests ? budgets.NextChance(context.StoreCode, operation.Endpoint) : null);
            return WalmartAnswers.Failed(status, answer.ReasonPhrase, WalmartErrorParser.Parse(body), retryAt, context);
        }

        var order = ReadOrder(body);
        if (order is null && operation == WalmartOperation.GetOrder)
        {
            return new WalmartResponse<WalmartOrder>
            {
                Outcome = WalmartOutcome.Transient,
                HttpStatus = status,
                Message = $"Walmart answered the order lookup of purchase order {context.PurchaseOrderId} without a readable order.",
            };
        }

        return new WalmartResponse<WalmartOrder>
        {
            Outcome = WalmartOutcome.Success,
            HttpStatus = status,
            Value = order,
            Message = operation.SuccessMessage,
        };
    }

    private static WalmartOrder? ReadOrder(string body)
    {
        try
        {
            return WalmartOrderMapper.ToOrder(JsonSerializer.Deserialize(body, WalmartJsonContext.Default.OrderResponseDto)?.Order);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void Log(WalmartOperation operation, string storeCode, string purchaseOrderId, WalmartResponse<WalmartOrder> response)
    {
        var level = response.Outcome == WalmartOutcome.Success ? LogLevel.Information : LogLevel.Warning;
        WalmartClientLog.CallCompleted(
            logger, level, operation.Name, purchaseOrderId, storeCode, response.Outcome, response.HttpStatus,
            (long)response.Duration.TotalMilliseconds, response.CorrelationId, response.Message);
    }
}
