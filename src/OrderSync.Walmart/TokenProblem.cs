namespace OrderSync.Walmart;

/// <summary>Why a seller's token request failed, as readiness reports it.</summary>
public enum TokenProblem
{
    /// <summary>HTTP 400, 401 or 403: the client id or secret is wrong or revoked.</summary>
    CredentialsRefused,

    /// <summary>Another 4xx, such as a 404 from a wrong Walmart:BaseUrl.</summary>
    RequestRefused,

    /// <summary>HTTP 429.</summary>
    Throttled,

    /// <summary>HTTP 408, 423 or 5xx.</summary>
    ServiceFailing,

    /// <summary>A success status without a readable token.</summary>
    AnsweredWithoutToken,

    TimedOut,

    Unreachable,
}
