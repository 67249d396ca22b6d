namespace OrderSync.Walmart;

/// <summary>Who wants a token: how long a failed token request holds back the next one depends on it.</summary>
internal enum TokenAsker
{
    /// <summary>A Walmart call of an operation.</summary>
    Call,

    /// <summary>The readiness check, which anyone who reaches the health port can run.</summary>
    Readiness,
}
