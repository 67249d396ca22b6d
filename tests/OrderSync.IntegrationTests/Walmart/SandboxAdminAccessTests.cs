using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Walmart;

/// <summary>
/// The admin API answers loopback callers freely and others only with Sandbox:AdminToken. The sandbox is bound to a
/// non-loopback address of this machine, so that this process calls it as another host would.
/// </summary>
public sealed class SandboxAdminAccessTests
{
    private const string AdminToken = "test-admin-token-7f3a";

    [Fact]
    public async Task Loopback_callers_use_the_admin_api_without_a_token_even_when_one_is_configured()
    {
        await using var sandbox = await SandboxFixture.StartAsync(new Dictionary<string, string?> { ["Sandbox:AdminToken"] = AdminToken });

        (await sandbox.Admin.GetAsync(new Uri("/admin/faults", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sandbox.CallsAsync()).ShouldBeEmpty();
    }

    [NonLoopbackFact]
    public async Task Without_a_configured_token_another_host_finds_no_admin_api_but_walmarts_api_answers()
    {
        await using var sandbox = await StartOnNonLoopbackAddress(adminToken: null);
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };

        (await http.GetAsync(new Uri("/admin/calls", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Send(http, HttpMethod.Post, "/admin/reset", bearer: "anything")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await TokenRequest(http)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [NonLoopbackFact]
    public async Task With_a_configured_token_another_host_needs_it_as_a_bearer_token()
    {
        await using var sandbox = await StartOnNonLoopbackAddress(AdminToken);
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };

        var refused = await Send(http, HttpMethod.Get, "/admin/faults", bearer: null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refused.Headers.WwwAuthenticate.ShouldHaveSingleItem().Scheme.ShouldBe("Bearer");
        (await Send(http, HttpMethod.Get, "/admin/faults", bearer: AdminToken + "x")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Send(http, HttpMethod.Post, "/admin/faults", bearer: "wrong", JsonContent.Create(new { fault = "503" }))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var listed = await Send(http, HttpMethod.Get, "/admin/faults", bearer: AdminToken);
        listed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await listed.Content.ReadFromJsonAsync<List<object>>())!.ShouldBeEmpty("a refused request changes nothing");
        (await Send(http, HttpMethod.Post, "/admin/faults", bearer: AdminToken, JsonContent.Create(new { fault = "503", times = 1 }))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static Task<SandboxFixture> StartOnNonLoopbackAddress(string? adminToken) =>
        SandboxFixture.StartAsync(new Dictionary<string, string?>
        {
            ["urls"] = $"http://{NonLoopbackAddress.Find()}:0",
            ["Sandbox:AdminToken"] = adminToken,
        });

    private static async Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, string? bearer, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> TokenRequest(HttpClient http)
    {
        var (clientId, clientSecret) = SandboxFixture.Sellers[SandboxFixture.UsStore];
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v3/token", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        request.Headers.Add("WM_QOS.CORRELATION_ID", Guid.NewGuid().ToString());
        request.Headers.Add("WM_SVC.NAME", "Walmart Marketplace");
        return await http.SendAsync(request);
    }
}
