namespace AisMonitor.Core.Tracking;

/// <summary>
/// <c>value % divisor</c> for a divisor fixed in advance, by two multiplications instead of a division
/// (Lemire, Kaser and Kurz, "Faster remainder by direct computation", 2019; the runtime's dictionaries
/// do the same). Exact for every 32-bit value when the divisor is below 2^31. A division costs tens of
/// cycles, and every message finds its vessel's partition three or four times.
/// </summary>
internal readonly struct FastModulo
{
    private readonly ulong _multiplier;
    private readonly uint _divisor;

    public FastModulo(int divisor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(divisor);
        _divisor = (uint)divisor;
        _multiplier = (ulong.MaxValue / _divisor) + 1; // wraps to 0 for 1, which still gives 0
    }

    public int Of(uint value) => (int)(((((_multiplier * value) >> 32) + 1) * _divisor) >> 32);
}
