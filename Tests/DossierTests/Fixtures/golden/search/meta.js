window.dossierSearch = window.dossierSearch || {}; window.dossierSearch.loadedMeta = {"version":2,"documents":9,"kinds":["article",2,"issue",5,"weekly",2],"chunks":[],"groups":"9"};
