using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;

namespace OrderSync.UnitTests.Walmart;

/// <summary>
/// Stands for Walmart at the HTTP level: records every request and answers tokens ("token-1",
/// "token-2", ...) and orders, unless a test swaps in its own answers.
/// </summary>
internal sealed class FakeWalmartHandler : HttpMessageHandler
{
    private int tokensIssued;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>? OnToken { get; set; }

    public Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>? OnOrders { get; set; }

    public IReadOnlyList<RecordedRequest> TokenRequests => Requests.Where(r => r.IsTokenRequest).ToList();

    public IReadOnlyList<RecordedRequest> OrderRequests => Requests.Where(r => !r.IsTokenRequest).ToList();

    public HttpResponseMessage IssueToken(int expiresInSeconds = 900)
    {
        var number = Interlocked.Increment(ref tokensIssued);
        return Json(HttpStatusCode.OK, string.Create(CultureInfo.InvariantCulture,
            $$"""{"access_token":"token-{{number}}","token_type":"Bearer","expires_in":{{expiresInSeconds}}}"""));
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static HttpResponseMessage Order(string purchaseOrderId = "PO-1") => Json(HttpStatusCode.OK, """
        {"order":{"purchaseOrderId":"PURCHASE_ORDER_ID","customerOrderId":"C-1","shippingInfo":{"methodCode":"Standard"},
         "orderLines":{"orderLine":[
           {"lineNumber":"1","item":{"sku":"WM-MUG-BLU"},"orderLineQuantity":{"unitOfMeasurement":"EACH","amount":"1"},
            "orderLineStatuses":{"orderLineStatus":[{"status":"Shipped","statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"},
              "trackingInfo":{"shipDateTime":1773507730000,"carrierName":{"carrier":"UPS"},"methodCode":"Standard","trackingNumber":"1Z-OLD"}}]}},
           {"lineNumber":"2","item":{"sku":"WM-TEE-L"},"orderLineQuantity":{"unitOfMeasurement":"EACH","amount":"2"},
            "orderLineStatuses":{"orderLineStatus":[{"status":"Acknowledged","statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"}},
                                                    {"status":"Cancelled","statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"}}]}}]}}}
        """.Replace("PURCHASE_ORDER_ID", purchaseOrderId, StringComparison.Ordinal));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(header => header.Key, header => string.Join(",", header.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!.AbsolutePath, headers, body);
        Requests.Enqueue(recorded);

        if (recorded.IsTokenRequest)
        {
            return OnToken is null ? IssueToken() : await OnToken(recorded, cancellationToken);
        }

        return OnOrders is null ? Order() : await OnOrders(recorded, cancellationToken);
    }
}
