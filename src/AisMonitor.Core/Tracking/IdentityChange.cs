using NodaTime;

namespace AisMonitor.Core.Tracking;

/// <summary>A change of one identity field (name, call sign, IMO, type, destination, draught) at an event time.</summary>
public sealed record IdentityChange(Instant Time, string Field, string? From, string? To);
