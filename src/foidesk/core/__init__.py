"""The law and the algorithms of FOI Desk: pure, typed Python with no Django import."""
