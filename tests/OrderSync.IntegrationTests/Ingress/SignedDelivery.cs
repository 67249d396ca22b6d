using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace OrderSync.IntegrationTests.Ingress;

/// <summary>A POST as Adobe I/O Events makes it: the body, and the digital signatures of its raw bytes with their key paths.</summary>
public static class SignedDelivery
{
    public static HttpRequestMessage Of(JsonNode body, AdobeSigningKey key, string? keyPath = null) =>
        Of(Encoding.UTF8.GetBytes(body.ToJsonString()), key, keyPath);

    public static HttpRequestMessage Of(byte[] body, AdobeSigningKey key, string? keyPath = null, byte[]? signedBody = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "adobe-io/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("x-adobe-digital-signature-1", key.Sign(signedBody ?? body));
        request.Headers.Add("x-adobe-public-key1-path", keyPath ?? key.Path);
        return request;
    }

    /// <summary>A Commerce CloudEvent as Adobe delivers it: addressed to a client id.</summary>
    public static JsonObject AddressedTo(string clientId, JsonObject cloudEvent)
    {
        cloudEvent["recipient_client_id"] = clientId;
        return cloudEvent;
    }
}
