namespace VirtCluster.Hosts;

/// <summary>A preflight verdict: a Fail stops preview and up before anything on any host is touched.</summary>
public enum Verdict { Pass, Warn, Fail }
