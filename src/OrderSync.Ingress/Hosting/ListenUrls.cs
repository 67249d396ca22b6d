namespace OrderSync.Ingress.Hosting;

/// <summary>A ';'-separated list of http(s) URLs with a port, as ASP.NET Core's <c>--urls</c> takes it.</summary>
public static class ListenUrls
{
    public static string? Fault(string key, string? urls)
    {
        var list = IngressOptions.Split(urls);
        if (list.Count == 0)
        {
            return $"{key} is empty (such as http://127.0.0.1:8090)";
        }

        foreach (var url in list)
        {
            // Kestrel's wildcard hosts (http://*:8090, http://+:8090) are not URIs; read them as any address.
            var parsable = url.Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
            {
                return $"{key} has '{url}', not an http(s) URL with a host and a port, such as http://127.0.0.1:8090";
            }
        }

        return null;
    }

    /// <summary>The ports a URL list listens on: requests are told apart by the port they came in on.</summary>
    public static IReadOnlySet<int> Ports(string urls) =>
        IngressOptions.Split(urls)
            .Select(url => new Uri(url.Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal)).Port)
            .ToHashSet();
}
