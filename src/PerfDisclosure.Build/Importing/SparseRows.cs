using System.Collections;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// The rows of a sheet from the cells it holds: a row is as long as its last cell, a row between holding none is
/// one empty cell (as a blank line of text is), and an empty cell is made when it is asked for, never stored. So
/// memory follows the cells present, however far apart they are; the placers see the rows as dense lists.
/// </summary>
public sealed class SparseRows : IReadOnlyList<IReadOnlyList<SourceCell>>
{
    private readonly SourceCell[] cells;
    private readonly int[] rowNumbers;
    private readonly int[] rowStarts;

    /// <param name="present">Cells with text, ordered by row then column, at most one per place.</param>
    public SparseRows(IReadOnlyList<SourceCell> present)
    {
        cells = [.. present];
        var numbers = new List<int>();
        var starts = new List<int>();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i == 0 || cells[i].Row != cells[i - 1].Row)
            {
                numbers.Add(cells[i].Row);
                starts.Add(i);
            }
        }

        starts.Add(cells.Length);
        (rowNumbers, rowStarts) = ([.. numbers], [.. starts]);
        Count = rowNumbers.Length == 0 ? 0 : rowNumbers[^1];
    }

    public int Count { get; }

    public IReadOnlyList<SourceCell> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var at = Array.BinarySearch(rowNumbers, index + 1);
            return at < 0 ? new Row(this, index + 1, 0, 0) : new Row(this, index + 1, rowStarts[at], rowStarts[at + 1]);
        }
    }

    public IEnumerator<IReadOnlyList<SourceCell>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>One row: the cells <c>cells[start..end)</c>, and empty cells made for the columns between. Equal by sheet and row number.</summary>
    private sealed class Row(SparseRows rows, int number, int start, int end) : IReadOnlyList<SourceCell>
    {
        public int Count => end > start ? rows.cells[end - 1].Column : 1;

        public SourceCell this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
                var (low, high) = (start, end - 1);
                while (low <= high)
                {
                    var middle = (low + high) / 2;
                    var column = rows.cells[middle].Column;
                    if (column == index + 1)
                    {
                        return rows.cells[middle];
                    }

                    (low, high) = column < index + 1 ? (middle + 1, high) : (low, middle - 1);
                }

                return new SourceCell(number, index + 1, string.Empty);
            }
        }

        public IEnumerator<SourceCell> GetEnumerator()
        {
            var next = start;
            for (var column = 1; column <= Count; column++)
            {
                yield return next < end && rows.cells[next].Column == column ? rows.cells[next++] : new SourceCell(number, column, string.Empty);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override bool Equals(object? obj) => obj is Row other && ReferenceEquals(other.Rows, rows) && other.Number == number;

        public override int GetHashCode() => HashCode.Combine(rows, number);

        private SparseRows Rows => rows;

        private int Number => number;
    }
}
