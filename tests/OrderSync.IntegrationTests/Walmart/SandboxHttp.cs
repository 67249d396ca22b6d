using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace OrderSync.IntegrationTests.Walmart;

/// <summary>Raw calls to the sandbox's Walmart API, for checks the client would never let happen.</summary>
internal static class SandboxHttp
{
    public static async Task<string> TokenAsync(HttpClient http, string store = SandboxFixture.UsStore)
    {
        using var response = await RequestTokenAsync(http, SandboxFixture.Sellers[store].ClientId, SandboxFixture.Sellers[store].ClientSecret);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!["access_token"]!.GetValue<string>();
    }

    public static async Task<HttpResponseMessage> RequestTokenAsync(HttpClient http, string clientId, string clientSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/token")
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        request.Headers.Add("WM_QOS.CORRELATION_ID", Guid.NewGuid().ToString());
        request.Headers.Add("WM_SVC.NAME", "Walmart Marketplace");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await http.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, HttpMethod method, string path, string? token, string? body = null, bool withCorrelationId = true, string? fault = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Add("WM_SEC.ACCESS_TOKEN", token);
        }

        if (withCorrelationId)
        {
            request.Headers.Add("WM_QOS.CORRELATION_ID", Guid.NewGuid().ToString());
        }

        if (fault is not null)
        {
            request.Headers.Add("X-Sandbox-Fault", fault);
        }

        request.Headers.Add("WM_SVC.NAME", "Walmart Marketplace");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }
}
