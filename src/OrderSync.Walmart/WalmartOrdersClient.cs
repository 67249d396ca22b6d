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
        GetOrderAsync(storeCode, purchaseOrderId, WalmartCallPriority.Operation, cancellationToken);

    public Task<WalmartResponse<WalmartOrder>> GetOrderAsync(
        string storeCode, string purchaseOrderId, WalmartCallPriority priority, CancellationToken cancellationToken = default) =>
        CallAsync(OrderCall(WalmartOperation.GetOrder, purchaseOrderId, body: null) with { Priority = priority }, storeCode, cancellationToken);

    public Task<WalmartResponse<WalmartOrderPage>> ListOrdersAsync(
        string storeCode, WalmartOrderQuery query, string? nextCursor, WalmartCallPriority priority, CancellationToken cancellationToken = default)
    {
        // Walmart's cursor is a query string of its own making; only that shape is sent on, never a path.
        var queryString = nextCursor is null ? query.ToQueryString() : nextCursor.StartsWith('?') ? nextCursor : "?" + nextCursor;
        return CallAsync(new Call<WalmartOrderPage>(WalmartOperation.ListOrders, string.Empty, $"v3/orders{queryString}", null, ReadPage, priority)
        {
            // Walmart answers a search that finds nothing with 404.
            WhenNotFound = new WalmartOrderPage([], 0, null),
        }, storeCode, cancellationToken);
    }

    public Task<WalmartResponse<WalmartOrder>> ShipLinesAsync(
        string storeCode, string purchaseOrderId, IReadOnlyList<ShipLineRequest> lines, CancellationToken cancellationToken = default)
    {
        var errors = WalmartRequestChecks.CheckShipment(lines, carriers);
        return errors.Count > 0
            ? Task.FromResult(RefuseBeforeCalling(WalmartOperation.Ship, storeCode, purchaseOrderId, errors))
            : CallAsync(OrderCall(WalmartOperation.Ship, purchaseOrderId, WalmartRequestBodies.Shipment(lines, carriers, isTrackingUpdate: false)), storeCode, cancellationToken);
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

        return await CallAsync(
            OrderCall(WalmartOperation.UpdateTracking, purchaseOrderId, WalmartRequestBodies.Shipment(lines, carriers, isTrackingUpdate: true)), storeCode, cancellationToken);
    }

    public Task<WalmartResponse<WalmartOrder>> CancelLinesAsync(
        string storeCode, string purchaseOrderId, IReadOnlyList<CancelLineRequest> lines, CancellationToken cancellationToken = default)
    {
        var errors = WalmartRequestChecks.CheckCancellation(lines);
        return errors.Count > 0
            ? Task.FromResult(RefuseBeforeCalling(WalmartOperation.Cancel, storeCode, purchaseOrderId, errors))
            : CallAsync(OrderCall(WalmartOperation.Cancel, purchaseOrderId, WalmartRequestBodies.Cancellation(lines)), storeCode, cancellationToken);
    }

    public Task<WalmartResponse<WalmartOrder>> AcknowledgeAsync(
        string storeCode, string purchaseOrderId, CancellationToken cancellationToken = default) =>
        CallAsync(OrderCall(WalmartOperation.Acknowledge, purchaseOrderId, body: string.Empty), storeCode, cancellationToken);

    /// <summary>One call's shape: what it is, where it goes, what it sends and how its answer is read.</summary>
    private sealed record Call<T>(WalmartOperation Operation, string PurchaseOrderId, string Path, string? Body, Func<string, T?> Read, WalmartCallPriority Priority)
    {
        /// <summary>The value a 404 stands for, when it means "nothing found" rather than an error.</summary>
        public T? WhenNotFound { get; init; }
    }

    private WalmartResponse<WalmartOrder> RefuseBeforeCalling(
        WalmartOperation operation, string storeCode, string purchaseOrderId, IReadOnlyList<WalmartError> errors)
    {
        var response = WalmartAnswers.Refused(errors);
        Log(operation, storeCode, purchaseOrderId, response);
        return response;
    }

    private static Call<WalmartOrder> OrderCall(WalmartOperation operation, string purchaseOrderId, string? body) =>
        new(operation, purchaseOrderId, operation.RelativePath(purchaseOrderId), body, ReadOrder, WalmartCallPriority.Operation);

    private async Task<WalmartResponse<T>> CallAsync<T>(Call<T> call, string storeCode, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var response = options.Value.Sellers.TryGetValue(storeCode, out var seller)
            ? await CallAsSellerAsync(call, storeCode, seller, cancellationToken)
            : WalmartAnswers.NoCredentials(storeCode).Without<T>();

        response = response with { Duration = timeProvider.GetElapsedTime(started) };
        Log(call.Operation, storeCode, call.PurchaseOrderId, response);
        return response;
    }

    // Walmart applies nothing it answers 429: the same call goes again when the budget allows, without a new read of the order.
    private const int ThrottledResends = 5;

    private async Task<WalmartResponse<T>> CallAsSellerAsync<T>(Call<T> call, string storeCode, WalmartSellerOptions seller, CancellationToken cancellationToken)
    {
        var operation = call.Operation;
        var context = new WalmartCallContext(storeCode, operation.Noun, call.PurchaseOrderId);
        var giveUpAt = timeProvider.GetUtcNow() + options.Value.RateLimits.MaxWait;
        string? rejectedToken = null;
        for (var throttles = 0; ; throttles++)
        {
            var token = await tokens.GetTokenAsync(storeCode, seller, rejectedToken, TokenAsker.Call, cancellationToken);
            if (token.AccessToken is null)
            {
                return token.Failure!.Answer.Without<T>();
            }

            var (permit, retryAt) = call.Priority == WalmartCallPriority.Spare
                ? await budgets.AcquireSpareAsync(storeCode, operation.Endpoint, cancellationToken)
                : await budgets.AcquireAsync(storeCode, operation.Endpoint, cancellationToken);
            if (permit is null)
            {
                return WalmartAnswers.HeldBackLocally(storeCode, retryAt).Without<T>();
            }

            WalmartResponse<T> response;
            using (permit)
            {
                response = await SendAsync(call, token.AccessToken, context, permit, cancellationToken);
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

            WalmartClientLog.TokenRejected(logger, storeCode, operation.Name, call.PurchaseOrderId, response.CorrelationId);
            rejectedToken = token.AccessToken;
        }
    }

    private async Task<WalmartResponse<T>> SendAsync<T>(
        Call<T> call, string accessToken, WalmartCallContext context, BudgetPermit permit, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var correlationId = Guid.NewGuid().ToString();
        var body = call.Body;
        using var request = new HttpRequestMessage(call.Operation.Method, call.Path);
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
        WalmartResponse<T> response;
        try
        {
            using var answer = await httpClient.SendAsync(request, linked.Token);
            permit.Answered((int)answer.StatusCode, WalmartAnswers.ReadTokenCount(answer.Headers), WalmartAnswers.ReadReplenishTime(answer.Headers));
            var text = await answer.Content.ReadAsStringAsync(linked.Token);
            response = Interpret(call, answer, text, context);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            response = WalmartAnswers.TimedOut(settings.RequestTimeout).Without<T>();
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            response = WalmartAnswers.Unreachable(exception).Without<T>();
        }

        return response with { CorrelationId = correlationId };
    }

    private WalmartResponse<T> Interpret<T>(Call<T> call, HttpResponseMessage answer, string body, WalmartCallContext context)
    {
        var operation = call.Operation;
        var status = (int)answer.StatusCode;
        if (answer.StatusCode == HttpStatusCode.NotFound && call.WhenNotFound is { } nothing)
        {
            return new WalmartResponse<T> { Outcome = WalmartOutcome.Success, HttpStatus = status, Value = nothing, Message = operation.SuccessMessage };
        }

        if (!answer.IsSuccessStatusCode)
        {
            // Walmart says when its bucket refills; a 429 that does not is retried after one refill of ours, not at once.
            var now = timeProvider.GetUtcNow();
            var retryAt = WalmartAnswers.ReadRetryAt(answer.Headers, now)
                ?? (answer.StatusCode == HttpStatusCode.TooManyRequests ? budgets.NextChance(context.StoreCode, operation.Endpoint) : null);
            return WalmartAnswers.Failed(status, answer.ReasonPhrase, WalmartErrorParser.Parse(body), retryAt, context).Without<T>();
        }

        var value = call.Read(body);
        if (value is null && operation.Method == HttpMethod.Get)
        {
            return new WalmartResponse<T>
            {
                Outcome = WalmartOutcome.Transient,
                HttpStatus = status,
                Message = operation == WalmartOperation.GetOrder
                    ? $"Walmart answered the order lookup of purchase order {context.PurchaseOrderId} without a readable order."
                    : $"Walmart answered the {operation.Noun} without a readable list of orders.",
            };
        }

        return new WalmartResponse<T>
        {
            Outcome = WalmartOutcome.Success,
            HttpStatus = status,
            Value = value,
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

    private static WalmartOrderPage? ReadPage(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, WalmartJsonContext.Default.OrderListResponseDto)?.List is { } list ? WalmartOrderMapper.ToPage(list) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void Log<T>(WalmartOperation operation, string storeCode, string purchaseOrderId, WalmartResponse<T> response)
    {
        var level = response.Outcome == WalmartOutcome.Success ? LogLevel.Information : LogLevel.Warning;
        WalmartClientLog.CallCompleted(
            logger, level, operation.Name, purchaseOrderId, storeCode, response.Outcome, response.HttpStatus,
            (long)response.Duration.TotalMilliseconds, response.CorrelationId, response.Message);
    }
}
