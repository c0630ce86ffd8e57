"""What gathers from several features: the buku kas harian and its exports, range reports, the day close."""
