using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Ingress;

/// <summary>
/// The ingress against a real broker and a key server on loopback, with keys the test makes: what Adobe delivers and signs is
/// forwarded whole to commerce.order-events; anything else is refused with its status, and nothing of it is published.
/// </summary>
public sealed class IngressDeliveryTests : IAsyncLifetime, IDisposable
{
    private readonly AdobeSigningKey _adobe = new();
    private IsolatedEnvironment _environment = null!;
    private AdobeKeyServer _keys = null!;
    private IngressUnderTest _ingress = null!;
    private EventTap _tap = null!;

    public async Task InitializeAsync()
    {
        _environment = await IsolatedEnvironment.Create();
        _keys = await AdobeKeyServer.Start();
        _keys.Serve(_adobe);
        _tap = await EventTap.Bind(_environment.RabbitMq);
        _ingress = await IngressUnderTest.Start(_environment.RabbitMq, _keys.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await _ingress.DisposeAsync();
        await _tap.DisposeAsync();
        await _keys.DisposeAsync();
        await _environment.DisposeAsync();
    }

    public void Dispose() => _adobe.Dispose();

    [Fact]
    public async Task The_registration_challenge_is_answered_with_its_value()
    {
        using var answer = await _ingress.Http.GetAsync("adobe-io/events?challenge=8c2d-challenge-41");

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await answer.Content.ReadAsStringAsync()).ShouldBe("8c2d-challenge-41");
        (await _ingress.Http.GetAsync("adobe-io/events")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_batch_of_three_is_forwarded_whole_each_event_as_sent_with_its_type_as_routing_key()
    {
        JsonNode[] events =
        [
            SignedDelivery.AddressedTo(IngressUnderTest.ClientId, CommerceEvents.Shipment("1088297354001", "s1", [("MUG", 1)])),
            SignedDelivery.AddressedTo(IngressUnderTest.ClientId, CommerceEvents.Track("1088297354001", "s1", "1Z999AA10123456784")),
            SignedDelivery.AddressedTo(IngressUnderTest.ClientId, CommerceEvents.Cancellation("1088297354002")),
        ];
        events[1]["type"] = ContractNames.TrackCommitted;

        using var answer = await _ingress.Http.SendAsync(SignedDelivery.Of(new JsonArray(events), _adobe));

        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        var published = await _tap.Take();
        published.Select(m => m.RoutingKey).ShouldBe([ContractNames.ShipmentSaved, ContractNames.TrackCommitted, ContractNames.OrderSaved]);
        published.Select(m => Encoding.UTF8.GetString(m.Body.Span)).ShouldBe(events.Select(e => e.ToJsonString()));
        published.ShouldAllBe(m => m.BasicProperties.ContentType == "application/cloudevents+json" && m.BasicProperties.Persistent);
        _keys.Requested.ShouldBe([_adobe.Path], "the key is fetched once by its path on the configured key domain");
    }

    [Fact]
    public async Task A_single_event_is_forwarded_byte_for_byte_and_its_key_is_fetched_once()
    {
        var body = Encoding.UTF8.GetBytes(SignedDelivery.AddressedTo(IngressUnderTest.ClientId, CommerceEvents.Shipment("1088297354003", "s1", [("MUG", 1)])).ToJsonString());
        var again = Encoding.UTF8.GetBytes(SignedDelivery.AddressedTo(IngressUnderTest.ClientId, CommerceEvents.Shipment("1088297354004", "s1", [("MUG", 1)])).ToJsonString());

        (await _ingress.Http.SendAsync(SignedDelivery.Of(body, _adobe))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _ingress.Http.SendAsync(SignedDelivery.Of(again, _adobe))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var published = await _tap.Take();
        published.Select(m => m.Body.ToArray()).ShouldBe([body, again]);
        _keys.Requested.ShouldBe([_adobe.Path], "the key is kept by its file name");
    }

    public static TheoryData<string> Refusals => ["changed after signing", "signed by another key", "wrong recipient", "unsigned", "not json"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_delivery_that_is_not_authentic_or_not_for_this_client_is_refused_and_nothing_is_published(string refusal)
    {
        using var stranger = new AdobeSigningKey();
        var recipient = refusal == "wrong recipient" ? "someone-else" : IngressUnderTest.ClientId;
        var body = Encoding.UTF8.GetBytes(SignedDelivery.AddressedTo(recipient, CommerceEvents.Shipment("1088297354005", "s1", [("MUG", 1)])).ToJsonString());
        using var request = refusal switch
        {
            "changed after signing" => SignedDelivery.Of(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"MUG\"", "\"TEE\"", StringComparison.Ordinal)), _adobe, signedBody: body),
            "signed by another key" => SignedDelivery.Of(body, stranger, keyPath: _adobe.Path),
            "unsigned" => new HttpRequestMessage(HttpMethod.Post, "adobe-io/events") { Content = new ByteArrayContent(body) },
            "not json" => SignedDelivery.Of("{ \"id\": "u8.ToArray(), _adobe),
            _ => SignedDelivery.Of(body, _adobe),
        };

        using var answer = await _ingress.Http.SendAsync(request);

        var expected = refusal switch
        {
            "wrong recipient" => HttpStatusCode.Forbidden,
            "not json" => HttpStatusCode.BadRequest,
            _ => HttpStatusCode.Unauthorized,
        };
        answer.StatusCode.ShouldBe(expected);
        JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString().ShouldNotBeNullOrWhiteSpace();
        await NothingPublished();
    }

    [Theory]
    [InlineData("http://127.0.0.1:{attacker}/prod/keys/pub-key.pem")]
    [InlineData("//127.0.0.1:{attacker}/prod/keys/pub-key.pem")]
    [InlineData("/prod/keys/../../pub-key.pem")]
    [InlineData("/prod/keys/pub-key.pem?from=127.0.0.1:{attacker}")]
    [InlineData("prod/keys/pub-key.pem")]
    public async Task A_key_path_pointing_elsewhere_is_refused_without_asking_any_host(string keyPath)
    {
        await using var attacker = await AdobeKeyServer.Start();
        using var forged = new AdobeSigningKey("/prod/keys/pub-key.pem");
        attacker.Serve(forged);
        var path = keyPath.Replace("{attacker}", attacker.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var body = SignedDelivery.AddressedTo(IngressUnderTest.ClientId, CommerceEvents.Shipment("1088297354006", "s1", [("MUG", 1)]));

        using var answer = await _ingress.Http.SendAsync(SignedDelivery.Of(body, forged, keyPath: path));

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await answer.Content.ReadAsStringAsync()).ShouldContain("not a plain relative path");
        attacker.Requested.ShouldBeEmpty();
        _keys.Requested.ShouldBeEmpty();
        await NothingPublished();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_of_two_mebibytes_is_refused_with_413_before_it_is_read(bool withLength)
    {
        var shipment = SignedDelivery.AddressedTo(IngressUnderTest.ClientId, CommerceEvents.Shipment("1088297354007", "s1", [("MUG", 1)]));
        shipment["data"]!["value"]!["padding"] = new string('x', 2 * 1024 * 1024);
        var body = Encoding.UTF8.GetBytes(shipment.ToJsonString());
        using var request = SignedDelivery.Of(body, _adobe);
        if (!withLength)
        {
            request.Content = new UnknownLengthContent(body);
        }

        using var answer = await _ingress.Http.SendAsync(request);

        answer.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        _keys.Requested.ShouldBeEmpty("the size is checked before the signature");
        await NothingPublished();
    }

    [Fact]
    public async Task Health_and_metrics_answer_on_their_own_address_and_not_on_the_webhooks()
    {
        await Eventually.True(async () => (await _ingress.Health.GetAsync("health/ready")).StatusCode == HttpStatusCode.OK, "the ingress to be ready");
        (await _ingress.Http.SendAsync(SignedDelivery.Of(SignedDelivery.AddressedTo(IngressUnderTest.ClientId, CommerceEvents.Cancellation("1088297354008")), _adobe)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        (await _ingress.Health.GetAsync("health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var metrics = await _ingress.Health.GetStringAsync("metrics");
        metrics.ShouldContain("ordersync_ingress_deliveries_total{otel_scope_name=\"OrderSync.Ingress\",outcome=\"forwarded\"} 1");
        metrics.ShouldContain($"ordersync_ingress_events_published_total{{otel_scope_name=\"OrderSync.Ingress\",type=\"{ContractNames.OrderSaved}\"}} 1");
        (await _ingress.Http.GetAsync("metrics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _ingress.Http.GetAsync("health/ready")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _ingress.Health.GetAsync("adobe-io/events?challenge=x")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_client_address_over_its_rate_is_answered_429()
    {
        await using var limited = await IngressUnderTest.Start(_environment.RabbitMq, _keys.BaseUrl, new Dictionary<string, string?> { ["Ingress:PermitsPerMinute"] = "2" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var answer = await limited.Http.GetAsync("adobe-io/events?challenge=c");
            statuses.Add(answer.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
    }

    private async Task NothingPublished() => (await _tap.Count()).ShouldBe(0u);

    /// <summary>A body sent chunked, without Content-Length: the limit must hold while it is read too.</summary>
    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
