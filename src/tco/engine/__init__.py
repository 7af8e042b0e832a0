"""The numpy engine: pure functions over float64 arrays, vectorised over bids."""
