namespace OrderSync.Walmart.Sandbox.Admin;

public enum AdminAccessDecision
{
    Allowed,

    /// <summary>From another host without the admin token, or with a wrong one: 401.</summary>
    Unauthorized,

    /// <summary>From another host while no admin token is configured: 404, as if there were no admin API.</summary>
    Off,
}
