namespace OrderSync.Walmart;

/// <summary>Whether a seller has a Walmart token, and if not why.</summary>
/// <param name="Problem">Null when the seller has a token.</param>
/// <param name="HttpStatus">Walmart's status code for the failed token request, when it answered.</param>
public sealed record SellerTokenStatus(string StoreCode, TokenProblem? Problem, int? HttpStatus)
{
    public bool HasToken => Problem is null;

    /// <summary>
    /// Fixed words with at most an HTTP status, never Walmart's text or an exception's: anyone who reaches the health port
    /// reads it. Null when the seller has a token.
    /// </summary>
    public string? Reason => Problem switch
    {
        null => null,
        TokenProblem.CredentialsRefused => $"Walmart refused the credentials (HTTP {HttpStatus})",
        TokenProblem.RequestRefused => $"Walmart refused the token request (HTTP {HttpStatus})",
        TokenProblem.Throttled => "Walmart is throttling token requests (HTTP 429)",
        TokenProblem.ServiceFailing => $"Walmart's token service failed (HTTP {HttpStatus})",
        TokenProblem.AnsweredWithoutToken => "Walmart answered the token request without a token",
        TokenProblem.TimedOut => "Walmart did not answer the token request in time",
        _ => "Walmart could not be reached",
    };
}
