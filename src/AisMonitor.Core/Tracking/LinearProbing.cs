namespace AisMonitor.Core.Tracking;

/// <summary>The rule shared by the open-addressing tables (vessels by MMSI, slow vessels by cell) for closing the hole a removed entry leaves.</summary>
internal static class LinearProbing
{
    /// <summary>
    /// Whether the entry at <paramref name="next"/>, whose probe starts at <paramref name="home"/>, stays where it is
    /// when <paramref name="hole"/> (before it in probe order) is emptied: it does when its home lies after the hole,
    /// cyclically, so that moving it into the hole would put it before its home, where no search for it starts.
    /// </summary>
    public static bool StaysPut(int hole, int next, int home) =>
        hole <= next ? hole < home && home <= next : hole < home || home <= next;
}
