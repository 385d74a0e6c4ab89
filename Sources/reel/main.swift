print("reel: under construction")
