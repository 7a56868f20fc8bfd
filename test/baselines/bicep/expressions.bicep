// Expression mistakes on one line each; the next line must parse.
var a1 = 1 +
var a2 = * 2
var a3 = (1 + 2
var a4 = ()
var a5 = (1, 2)
var a6 = f(1,
var a7 = f(1 2)
var a8 = f(1,)
var a9 = x.
var a10 = x[]
var a11 = x[1
var a12 = x::
var a13 = b ? c
var a14 = b ? : c
var a15 = !
var a16 = -
var a17 = 1 & 2
var a18 = a.?b()
var a19 = 99999999999999999999999
var a20 = x => 
var a21 = (a, 1) => a
var a22 = 1 2
var a23 = @
var a24 = ;
var ok = a ?? b || c && d == e =~ f < g + h * -i
