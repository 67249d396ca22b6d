using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OrderSync.Walmart.Sandbox.Orders;

namespace OrderSync.Walmart.Sandbox.Gateway;

/// <summary>Walmart's token and Orders endpoints, with Walmart's checks, answers and error bodies.</summary>
public static class WalmartApiEndpoints
{
    public const string FaultHeader = "X-Sandbox-Fault";
    private const string AccessTokenHeader = "WM_SEC.ACCESS_TOKEN";
    private const string CorrelationIdHeader = "WM_QOS.CORRELATION_ID";
    private const string ServiceNameHeader = "WM_SVC.NAME";

    public static void MapWalmartApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v3/token", IssueToken);

        app.MapGet("/v3/orders", (Func<HttpContext, Task<IResult>>)(http =>
            HandleAsync(http, SandboxOperation.GetOrder, purchaseOrderId: null, (seller, _) => ListOrders(http, seller))));

        app.MapGet("/v3/orders/{purchaseOrderId}", (HttpContext http, string purchaseOrderId) =>
            HandleAsync(http, SandboxOperation.GetOrder, purchaseOrderId, (seller, _) =>
                http.RequestServices.GetRequiredService<SandboxOrderBook>().Find(purchaseOrderId, seller) is { } order
                    ? Results.Json(SandboxOrderRenderer.Render(order))
                    : NotFound(purchaseOrderId)));

        app.MapPost("/v3/orders/{purchaseOrderId}/shipping", (HttpContext http, string purchaseOrderId) =>
            HandleAsync(http, SandboxOperation.Shipping, purchaseOrderId, (seller, body) =>
            {
                var (request, errors) = ShipmentRequest.Read(body);
                var options = http.RequestServices.GetRequiredService<IOptions<SandboxOptions>>().Value;
                return request is null
                    ? BadRequest(errors)
                    : Change(http, purchaseOrderId, seller, (order, now) => SandboxOrderRules.Ship(order, request, options.RequireAcknowledge, options.TrackingChangeWindow, now));
            }, readsBody: true));

        app.MapPost("/v3/orders/{purchaseOrderId}/cancel", (HttpContext http, string purchaseOrderId) =>
            HandleAsync(http, SandboxOperation.Cancel, purchaseOrderId, (seller, body) =>
            {
                var (request, errors) = CancellationRequest.Read(body);
                return request is null
                    ? BadRequest(errors)
                    : Change(http, purchaseOrderId, seller, (order, now) => SandboxOrderRules.Cancel(order, request, now));
            }, readsBody: true));

        app.MapPost("/v3/orders/{purchaseOrderId}/acknowledge", (HttpContext http, string purchaseOrderId) =>
            HandleAsync(http, SandboxOperation.Acknowledge, purchaseOrderId, (seller, _) =>
                Change(http, purchaseOrderId, seller, SandboxOrderRules.Acknowledge)));
    }

    private static async Task<IResult> IssueToken(HttpContext http, SandboxTokenIssuer issuer, SandboxFaults faults)
    {
        http.Items[SandboxHttpItems.Operation] = SandboxFaults.NameOf(SandboxOperation.Token);
        if (MissingHeader(http) is { } missing)
        {
            return missing;
        }

        var (clientId, clientSecret) = ReadBasicCredentials(http.Request.Headers.Authorization.FirstOrDefault());
        var seller = clientId is null ? null : issuer.FindSeller(clientId, clientSecret!);
        if (seller is null)
        {
            return Results.Json(WalmartErrorBody.Detailed([SandboxError.Unauthorized("Invalid client id or client secret")]), statusCode: 401);
        }

        http.Items[SandboxHttpItems.Seller] = seller;
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        if (form?["grant_type"].FirstOrDefault() != "client_credentials")
        {
            return BadRequest([new SandboxError("INVALID_REQUEST_PARAM.GMP_GATEWAY_API", "grant_type",
                "grant_type must be client_credentials, sent as a form field", "Request parameter is invalid.", "REQUEST")]);
        }

        var (plan, invalidFault) = await ResolveFaultAsync(http, faults, SandboxOperation.Token, purchaseOrderId: null);
        if (invalidFault is not null)
        {
            return invalidFault;
        }

        if (plan.FailsBeforeApplying)
        {
            return await FailAsync(http, plan);
        }

        var (accessToken, lifetime) = issuer.Issue(seller);
        return Results.Json(new JsonObject
        {
            ["access_token"] = accessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)lifetime.TotalSeconds,
        });
    }

    /// <summary>The steps every Orders call goes through: auth, headers, throttle, faults, then the operation itself.</summary>
    private static async Task<IResult> HandleAsync(
        HttpContext http, SandboxOperation operation, string? purchaseOrderId, Func<string, JsonNode?, IResult> handle, bool readsBody = false)
    {
        var services = http.RequestServices;
        http.Items[SandboxHttpItems.Operation] = SandboxFaults.NameOf(operation);

        var seller = services.GetRequiredService<SandboxTokenIssuer>().Validate(http.Request.Headers[AccessTokenHeader].FirstOrDefault());
        if (seller is null)
        {
            return Results.Json(WalmartErrorBody.Detailed([SandboxError.Unauthorized("Unauthorized: the access token is missing, unknown or expired")]), statusCode: 401);
        }

        http.Items[SandboxHttpItems.Seller] = seller;
        if (MissingHeader(http) is { } missing)
        {
            return missing;
        }

        if (services.GetRequiredService<SandboxThrottle>().Check(seller, operation) is { } decision)
        {
            // Walmart sends the bucket's state on every answer of a throttled API, whatever happens after this point.
            WriteTokenHeaders(http, decision);
            if (!decision.Allowed)
            {
                return Throttled(http, decision);
            }
        }

        var (plan, invalidFault) = await ResolveFaultAsync(http, services.GetRequiredService<SandboxFaults>(), operation, purchaseOrderId);
        if (invalidFault is not null)
        {
            return invalidFault;
        }

        if (plan.FailsBeforeApplying)
        {
            return await FailAsync(http, plan);
        }

        JsonNode? body = null;
        if (readsBody)
        {
            if (!http.Request.HasJsonContentType())
            {
                return Results.Json(WalmartErrorBody.Detailed([new SandboxError("UNSUPPORTED_MEDIA_TYPE.GMP_GATEWAY_API", "Content-Type",
                    "Content-Type must be application/json", "Unsupported media type.", "REQUEST")]), statusCode: 415);
            }

            try
            {
                body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            }
            catch (JsonException)
            {
                return BadRequest([SandboxError.InvalidContent("body", "The request body is not valid JSON")]);
            }
        }

        var result = handle(seller, body);
        var applied = result is IStatusCodeHttpResult { StatusCode: null or (>= 200 and < 300) };
        return applied && plan.FailsAfterApplying ? await FailAsync(http, plan) : result;
    }

    /// <summary>
    /// Walmart's GET /v3/orders: the seller's orders that match every filter, a page at a time. Nothing matching is a 404, as
    /// Walmart answers it.
    /// </summary>
    private static IResult ListOrders(HttpContext http, string seller)
    {
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var (query, errors) = OrderListQuery.Read(http.Request.Query, now);
        if (query is null)
        {
            return BadRequest(errors);
        }

        var matching = http.RequestServices.GetRequiredService<SandboxOrderBook>().ListOf(seller).Where(query.Matches).ToList();
        if (matching.Count == 0)
        {
            return Results.Json(WalmartErrorBody.Detailed([new SandboxError(
                "CONTENT_NOT_FOUND.GMP_ORDER_API", "purchaseOrderId", "No orders found for the given search criteria", "Requested content could not be found.", "DATA")]),
                statusCode: 404);
        }

        var page = matching.Skip(query.Start).Take(query.Limit).ToList();
        var next = query.Start + page.Count;
        return Results.Json(SandboxOrderRenderer.RenderList(page, matching.Count, next < matching.Count ? query.NextCursor(next) : null));
    }

    /// <summary>The fault plan of this call: from the X-Sandbox-Fault header if sent, else from the admin's fault rules.</summary>
    private static async Task<(FaultPlan Plan, IResult? Invalid)> ResolveFaultAsync(
        HttpContext http, SandboxFaults faults, SandboxOperation operation, string? purchaseOrderId)
    {
        var header = http.Request.Headers[FaultHeader].FirstOrDefault();
        FaultPlan plan;
        if (header is null)
        {
            plan = faults.Resolve(operation, purchaseOrderId);
        }
        else if (!FaultPlan.TryParse(header, out plan))
        {
            return (plan, Results.Json(WalmartErrorBody.Flat("SANDBOX_INVALID_FAULT", $"{FaultHeader} '{header}' is not understood"), statusCode: 400));
        }

        http.Items[SandboxHttpItems.Fault] = plan == FaultPlan.None ? null : plan.ToString();
        if (plan.LatencyMs > 0)
        {
            await Task.Delay(plan.LatencyMs, http.RequestAborted);
        }

        return (plan, null);
    }

    private static async Task<IResult> FailAsync(HttpContext http, FaultPlan plan)
    {
        if (plan.Hang)
        {
            await HangAsync(http);
            return Results.Empty;
        }

        return plan.FailStatus switch
        {
            429 => Throttled(http, new ThrottleDecision(false, 0, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddSeconds(1))),
            503 => Results.StatusCode(503),
            var status => Results.Json(WalmartErrorBody.Flat("SYSTEM_ERROR.GMP_GATEWAY_API", "Internal system error, please retry"), statusCode: status),
        };
    }

    /// <summary>Never answers: waits until the client gives up or the sandbox stops.</summary>
    private static async Task HangAsync(HttpContext http)
    {
        var stopping = http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, giveUp.Token);
        }
        catch (OperationCanceledException)
        {
            http.Abort();
        }
    }

    private static IResult Change(HttpContext http, string purchaseOrderId, string seller, Func<SandboxOrder, DateTimeOffset, List<SandboxError>> change)
    {
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var result = http.RequestServices.GetRequiredService<SandboxOrderBook>().Change(purchaseOrderId, seller, order => change(order, now));
        return result switch
        {
            { Order: { } order } => Results.Json(SandboxOrderRenderer.Render(order)),
            { IsNotFound: true } => NotFound(purchaseOrderId),
            _ => BadRequest(result.Errors),
        };
    }

    private static IResult? MissingHeader(HttpContext http)
    {
        var missing = new[] { CorrelationIdHeader, ServiceNameHeader }
            .Where(header => string.IsNullOrWhiteSpace(http.Request.Headers[header].FirstOrDefault()))
            .Select(SandboxError.MissingHeader)
            .ToList();
        return missing.Count > 0 ? BadRequest(missing) : null;
    }

    private static IResult Throttled(HttpContext http, ThrottleDecision decision)
    {
        WriteTokenHeaders(http, decision);
        return Results.Json(WalmartErrorBody.Detailed([SandboxError.Throttled()]), statusCode: 429);
    }

    private static void WriteTokenHeaders(HttpContext http, ThrottleDecision decision)
    {
        http.Response.Headers["x-current-token-count"] = decision.TokensLeft.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["x-next-replenish-time"] = decision.NextReplenish.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
    }

    private static IResult BadRequest(IEnumerable<SandboxError> errors) => Results.Json(WalmartErrorBody.Detailed(errors), statusCode: 400);

    private static IResult NotFound(string purchaseOrderId) =>
        Results.Json(WalmartErrorBody.Detailed([SandboxError.NotFound(purchaseOrderId)]), statusCode: 404);

    private static (string? ClientId, string? ClientSecret) ReadBasicCredentials(string? authorization)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return (null, null);
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (null, null) : (pair[..colon], pair[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }
}
