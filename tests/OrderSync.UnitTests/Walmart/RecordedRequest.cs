namespace OrderSync.UnitTests.Walmart;

internal sealed record RecordedRequest(HttpMethod Method, string Path, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public bool IsTokenRequest => Path == "/v3/token";

    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
