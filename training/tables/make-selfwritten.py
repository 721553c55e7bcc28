#!/usr/bin/env python3
"""Generates the three self-written documents (invented figures) deterministically."""
import random, json, os
R=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # repository root
def fmt(n):
    s=f"{abs(n):,}".replace(","," ")
    return ("-" if n<0 else "")+s
LAN=["Stockholm","Uppsala","Södermanland","Östergötland","Jönköping","Kronoberg","Kalmar","Gotland","Blekinge","Skåne","Halland","Västra Götaland","Värmland","Örebro","Västmanland","Dalarna","Gävleborg","Västernorrland","Jämtland Härjedalen","Västerbotten","Norrbotten"]
W=[2415,405,300,470,370,205,245,61,159,1410,340,1745,283,306,279,288,288,245,132,274,250]
def split(total, weights, rng):
    raw=[w*(1+rng.uniform(-0.04,0.04)) for w in weights]
    s=sum(raw); vals=[int(total*r/s) for r in raw]
    vals[0]+=total-sum(vals); return vals
rng=random.Random(2025)
# ---------- S1: one cell per line ----------
g=split(800_000_000,W,rng); p=split(100_000_000,[1]*21,rng)
t=("Fördelning av medel 2025\n\nSjälvskriven exempeltext i samma layout som en webbsida med fördelningstabell. Alla belopp är påhittade.\n\n"
   "Överenskommelsen om stärkt primärvård omfattar totalt 900 000 000 kronor för 2025. Av dessa fördelas 800 000 000 kronor som grundbelopp efter befolkningsmängd och 100 000 000 kronor som en prestationsdel som delas lika mellan regionerna.\n\n"
   "Av tabellen framgår hur medlen fördelas.\n\nMedel 2025 i kronor\n\nRegion\n\nGrundbelopp\n\nkronor\n\nPrestationsdel\n\nkronor\n\n")
cells=[]
for l,a,b in zip(LAN,g,p):
    t+=f"{l}\n\n{fmt(a)}\n\n{fmt(b)}\n\n"
    cells+= [dict(value=a,table=0,label=l,header="Grundbelopp kronor"),dict(value=b,table=0,label=l,header="Prestationsdel kronor")]
t+=f"Totalt\n\n{fmt(sum(g))}\n\n{fmt(sum(p))}\n\n\nKontakt\n\n  • Exempelhandläggare\n    Samordnare\n"
cells+=[dict(value=sum(g),table=0,label="Totalt",header="Grundbelopp kronor"),dict(value=sum(p),table=0,label="Totalt",header="Prestationsdel kronor")]
gold=dict(amounts=[900_000_000,800_000_000,100_000_000],cells=cells,
  tables=[dict(caption="Medel 2025 i kronor",unit="kronor",headers=["Region","Grundbelopp kronor","Prestationsdel kronor"],rows=22)],
  totals=[dict(stated=sum(g),components=g),dict(stated=sum(p),components=p),dict(stated=900_000_000,components=[800_000_000,100_000_000])],
  dates=[],references=[],notes="Self-written document with invented figures (layout of a one-cell-per-line HTML distribution page). The running-text total 900 000 000 is an explicit sum of the two listed parts.")
open(f"{R}/training/tables/docs/sw-2025-fordelning-regioner-cell-per-rad.txt","w").write(t)
json.dump(gold,open(f"{R}/training/tables/gold/sw-2025-fordelning-regioner-cell-per-rad.gold.json","w"),ensure_ascii=False,indent=1)
# typeset: rows as TAB lines
ty=("# Fördelning av medel 2025\n\nSjälvskriven exempeltext i samma layout som en webbsida med fördelningstabell. Alla belopp är påhittade.\n\n"
   "Överenskommelsen om stärkt primärvård omfattar totalt 900 000 000 kronor för 2025. Av dessa fördelas 800 000 000 kronor som grundbelopp efter befolkningsmängd och 100 000 000 kronor som en prestationsdel som delas lika mellan regionerna.\n\n"
   "Av tabellen framgår hur medlen fördelas.\n\n## Medel 2025 i kronor\n\nRegion\tGrundbelopp kronor\tPrestationsdel kronor\n")
for l,a,b in zip(LAN,g,p): ty+=f"{l}\t{fmt(a)}\t{fmt(b)}\n"
ty+=f"Totalt\t{fmt(sum(g))}\t{fmt(sum(p))}\n"
open(f"{R}/training/tables/typeset/sw-2025-fordelning-regioner-cell-per-rad.typeset.txt","w").write(ty)

# ---------- S2: single column KRONOR, crosses a page break ----------
rng=random.Random(2026)
k=split(300_000_000,W,rng)
intro=("Bilaga 1\n\nSjälvskriven exempeltext med påhittade belopp.\n\nFördelning av medel till länsstyrelserna för arbete mot hemlöshet 2026\n\n"
 "Regeringen har avsatt 300 000 000 kronor för 2026 till länsstyrelsernas arbete med att stödja kommunerna i arbetet mot hemlöshet. Medlen fördelas efter antalet invånare i länet med ett tillägg för län med stor andel glesbygd. Av beloppet får högst 4 500 000 kronor användas för nationell samordning, vilken ingår i Stockholms läns andel.\n\n"
 "Länsstyrelserna ska senast den 31 mars 2027 redovisa hur medlen har använts. Medel som inte har förbrukats ska återbetalas till Kammarkollegiet senast den 30 april 2027. Belopp under 10 000 kronor behöver inte återbetalas.\n\n"
 "Utbetalning sker i två delar, den första om 150 000 000 kronor i februari och den andra om 150 000 000 kronor i september, under förutsättning att länsstyrelsen har lämnat en plan för arbetet.\n\n"
 "Länsstyrelsen i Stockholms län ansvarar för den nationella samordningen. Samordningen omfattar gemensam kompetensutveckling, erfarenhetsutbyte mellan länen och en årlig nationell konferens.\n\n")
tab_head="Län KRONOR\n"
rows=[f"{l} {fmt(v)}" for l,v in zip(LAN,k)]
brk=12
t=intro+tab_head+"\n".join(rows[:brk])+"\n\n1 (2)\n\f"+"Bilaga 1 2 (2)\n\n"+"\n".join(rows[brk:])+f"\nTOTALT {fmt(sum(k))}\n\n2 (2)\n"
cells=[dict(value=v,table=0,label=l,header="KRONOR") for l,v in zip(LAN,k)]+[dict(value=sum(k),table=0,label="TOTALT",header="KRONOR")]
gold=dict(amounts=[300_000_000,4_500_000,10_000,150_000_000,150_000_000],cells=cells,
  tables=[dict(caption="Fördelning av medel till länsstyrelserna för arbete mot hemlöshet 2026",unit="kronor",headers=["Län","KRONOR"],rows=22)],
  totals=[dict(stated=sum(k),components=k),dict(stated=300_000_000,components=[150_000_000,150_000_000])],
  dates=["2027-03-31","2027-04-30"],references=[],
  notes="Self-written document with invented figures. Single value column headed KRONOR; the table continues across a page break (page furniture '1 (2)', form feed, 'Bilaga 1 2 (2)'). The two utbetalning parts (150 000 000 + 150 000 000) are recorded as a running-text total of 300 000 000. The 4 500 000 for samordning is part of Stockholm's share, not a separate component.")
open(f"{R}/fixtures/tables/docs/sw-2026-fordelning-lan-kronor.txt","w").write(t)
json.dump(gold,open(f"{R}/fixtures/tables/gold/sw-2026-fordelning-lan-kronor.gold.json","w"),ensure_ascii=False,indent=1)
ty=intro.replace("Fördelning av medel till länsstyrelserna för arbete mot hemlöshet 2026\n\n","## Fördelning av medel till länsstyrelserna för arbete mot hemlöshet 2026\n\n")
ty+="Län\tKRONOR\n"+"".join(f"{l}\t{fmt(v)}\n" for l,v in zip(LAN,k))+f"TOTALT\t{fmt(sum(k))}\n"
open(f"{R}/fixtures/tables/typeset/sw-2026-fordelning-lan-kronor.typeset.txt","w").write(ty)

# ---------- S3: whitespace aligned, Tusental kronor, sub-totals, page break ----------
rng=random.Random(2024)
LK={"Uppsala län":["Enköping","Heby","Håbo","Knivsta","Tierp","Uppsala","Älvkarleby","Östhammar"],
    "Södermanlands län":["Eskilstuna","Flen","Gnesta","Katrineholm","Nyköping","Oxelösund","Strängnäs","Trosa","Vingåker"],
    "Västmanlands län":["Arboga","Fagersta","Hallstahammar","Kungsör","Köping","Norberg","Sala","Skinnskatteberg","Surahammar","Västerås"],
    "Örebro län":["Askersund","Degerfors","Hallsberg","Hällefors","Karlskoga","Kumla","Laxå","Lekeberg","Lindesberg","Ljusnarsberg","Nora","Örebro"]}
big={"Uppsala":9,"Eskilstuna":5,"Nyköping":3,"Västerås":8,"Örebro":8,"Karlskoga":2,"Enköping":2}
lines=[]; cells=[]; totals=[]; subs24=[]; subs25=[]; r=0
def row(lbl,a,b): return f"{lbl:<34}{fmt(a):>12}{fmt(b):>12}"
body=[]
for lan,ks in LK.items():
    body.append(lan)
    a_list=[];b_list=[]
    for kk in ks:
        a=int(rng.uniform(3000,9000)*big.get(kk,1)); b=int(a*rng.uniform(1.01,1.06))
        a_list.append(a); b_list.append(b)
        body.append(row(kk,a,b)); cells+= [dict(value=a*1000,table=0,label=kk,header="2024"),dict(value=b*1000,table=0,label=kk,header="2025")]; r+=1
    s="Summa "+lan
    body.append(row(s,sum(a_list),sum(b_list))); r+=1
    cells+=[dict(value=sum(a_list)*1000,table=0,label=s,header="2024"),dict(value=sum(b_list)*1000,table=0,label=s,header="2025")]
    totals+=[dict(stated=sum(a_list)*1000,components=[x*1000 for x in a_list]),dict(stated=sum(b_list)*1000,components=[x*1000 for x in b_list])]
    subs24.append(sum(a_list)); subs25.append(sum(b_list))
    body.append("")
body=body[:-1]
body.append(row("TOTALT",sum(subs24),sum(subs25))); r+=1
cells+=[dict(value=sum(subs24)*1000,table=0,label="TOTALT",header="2024"),dict(value=sum(subs25)*1000,table=0,label="TOTALT",header="2025")]
totals+=[dict(stated=sum(subs24)*1000,components=[x*1000 for x in subs24]),dict(stated=sum(subs25)*1000,components=[x*1000 for x in subs25])]
intro=("Självskriven exempeltext med påhittade belopp.\n\n"
 "Bilaga 2 till protokoll, samverkansnämnden för Mälardalen\n\n"
 "Fördelning av bidrag till kommunernas arbete med feriejobb för ungdomar\n\n"
 "Nämnden beslutade den 14 december 2023 att fördela bidraget för 2024 och 2025 enligt tabellen nedan. Bidraget uppgår till sammanlagt "+f"{fmt(sum(subs24)*1000)}"+" kronor för 2024. För varje kommun gäller att minst 25 000 kronor ska användas till handledarutbildning.\n\n"
 "Tusental kronor\n\n")
head=f"{'Kommun':<34}{'2024':>12}{'2025':>12}"
brk=24
t=intro+head+"\n"+"\n".join(body[:brk])+"\n\nBilaga 2                                                    1 (2)\n\f"+"Bilaga 2                                                    2 (2)\n\nTusental kronor (forts.)\n\n"+head+"\n"+"\n".join(body[brk:])+"\n"
gold=dict(amounts=[sum(subs24)*1000,25000],cells=cells,
  tables=[dict(caption="Tusental kronor",unit="Tusental kronor",headers=["Kommun","2024","2025"],rows=r)],
  totals=totals, dates=["2023-12-14"],references=[],
  notes="Self-written document with invented figures. Whitespace-aligned columns, unit caption 'Tusental kronor' above the table, 'Summa <län>' sub-totals and a grand TOTALT that sums the sub-totals. The table continues across a page break (page furniture and a repeated header 'Tusental kronor (forts.)'); it is one table. The running-text amount equals the 2024 TOTALT but is not recorded as a separate total.")
open(f"{R}/training/tables/docs/sw-2024-kommuner-tusental-kronor.txt","w").write(t)
json.dump(gold,open(f"{R}/training/tables/gold/sw-2024-kommuner-tusental-kronor.gold.json","w"),ensure_ascii=False,indent=1)
ty=intro.replace("Fördelning av bidrag till kommunernas arbete med feriejobb för ungdomar\n\n","## Fördelning av bidrag till kommunernas arbete med feriejobb för ungdomar\n\n")
ty+="Kommun\t2024\t2025\n"
for b in body:
    if not b: ty+="\n"; continue
    parts=b.split()
    if len(b)>34 and b[34:].strip():
        lbl=b[:34].strip(); vals=b[34:]
        a=vals[:12].strip(); c=vals[12:].strip()
        ty+=f"{lbl}\t{a}\t{c}\n"
    else: ty+=b+"\n"
open(f"{R}/training/tables/typeset/sw-2024-kommuner-tusental-kronor.typeset.txt","w").write(ty)
print("ok")
